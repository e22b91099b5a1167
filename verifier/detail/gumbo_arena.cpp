#include "verifier/detail/gumbo_arena.h"

#include <cstdio>
#include <cstdlib>
#include <new>

namespace badgewatch::verifier::detail {
namespace {

constexpr std::size_t kAlignment = alignof(std::max_align_t);

constexpr std::size_t AlignUp(std::size_t n) { return (n + kAlignment - 1) & ~(kAlignment - 1); }

// Gumbo uses what its allocator returns without a null check, and an
// exception must not unwind through its C frames: the one way out is to stop.
[[noreturn]] void OutOfMemory() noexcept {
  std::fputs("badgewatch: out of memory while parsing HTML\n", stderr);
  std::abort();
}

}  // namespace

GumboOutput* GumboArena::Parse(std::string_view html) {
  Reset();
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::Allocate;
  options.deallocator = &GumboArena::Deallocate;
  options.userdata = this;
  // Recording parse errors costs time and, on unclosed deep nesting, memory
  // quadratic in the depth (each error copies the open-element stack).
  options.max_errors = 0;
  return gumbo_parse_with_options(&options, html.data(), html.size());
}

void GumboArena::Reset() {
  std::size_t kept = 0;
  std::size_t keep_count = 0;
  while (keep_count < blocks_.size() && kept + blocks_[keep_count].size <= kRetainedBytes) {
    kept += blocks_[keep_count].size;
    ++keep_count;
  }
  blocks_.resize(keep_count);
  current_ = 0;
  offset_ = 0;
  used_total_ = 0;
}

void* GumboArena::Allocate(void* arena, std::size_t size) noexcept {
  return static_cast<GumboArena*>(arena)->AllocateBytes(size);
}

void GumboArena::Deallocate(void* /*arena*/, void* /*ptr*/) noexcept {
  // Everything is released at once by Reset().
}

void* GumboArena::AllocateBytes(std::size_t size) noexcept {
  size = AlignUp(size == 0 ? 1 : size);
  used_total_ += size;
  while (current_ < blocks_.size()) {
    Block& block = blocks_[current_];
    if (offset_ + size <= block.size) {
      void* p = block.memory.get() + offset_;
      offset_ += size;
      return p;
    }
    ++current_;
    offset_ = 0;
  }
  const std::size_t block_size = size > kBlockBytes ? size : kBlockBytes;
  Block block;
  block.memory.reset(new (std::nothrow) std::byte[block_size]);
  if (!block.memory) OutOfMemory();
  block.size = block_size;
  try {
    blocks_.push_back(std::move(block));
  } catch (...) {  // std::bad_alloc growing the list of blocks
    OutOfMemory();
  }
  current_ = blocks_.size() - 1;
  offset_ = size;
  return blocks_.back().memory.get();
}

}  // namespace badgewatch::verifier::detail

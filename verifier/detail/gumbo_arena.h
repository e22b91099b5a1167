// A bump allocator handed to Gumbo, and the parse that uses it. Gumbo's own
// tree destruction recurses once per nesting level (a stack overflow on deep
// hostile pages) and frees node by node; with the arena the whole tree is
// dropped at once by Reset(). One arena per thread; not thread-safe.
#ifndef BADGEWATCH_VERIFIER_DETAIL_GUMBO_ARENA_H_
#define BADGEWATCH_VERIFIER_DETAIL_GUMBO_ARENA_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace badgewatch::verifier::detail {

class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // Parses UTF-8 HTML. The tree lives in the arena until the next Parse() or
  // Reset(); `html` must outlive it too (Gumbo points into it). Never null:
  // an allocation failure aborts the process (Gumbo cannot report one).
  [[nodiscard]] GumboOutput* Parse(std::string_view html);

  // Forgets every allocation; keeps up to kRetainedBytes of blocks for reuse.
  void Reset();

  [[nodiscard]] std::size_t bytes_in_use() const { return used_total_; }

 private:
  // Gumbo's allocator and deallocator, called from its C code: they never
  // throw (an allocation failure aborts with a message).
  static void* Allocate(void* arena, std::size_t size) noexcept;
  static void Deallocate(void* arena, void* ptr) noexcept;
  void* AllocateBytes(std::size_t size) noexcept;

  static constexpr std::size_t kBlockBytes = 256 * 1024;
  static constexpr std::size_t kRetainedBytes = 4 * 1024 * 1024;

  struct Block {
    std::unique_ptr<std::byte[]> memory;
    std::size_t size = 0;
  };
  std::vector<Block> blocks_;
  std::size_t current_ = 0;  // index of the block being filled
  std::size_t offset_ = 0;   // bytes used in blocks_[current_]
  std::size_t used_total_ = 0;
};

}  // namespace badgewatch::verifier::detail

#endif  // BADGEWATCH_VERIFIER_DETAIL_GUMBO_ARENA_H_

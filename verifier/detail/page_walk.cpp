#include "verifier/detail/page_walk.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "verifier/badge_snippet.h"
#include "foundation/ascii.h"

namespace badgewatch::verifier::detail {
namespace {

using foundation::IsAsciiSpace;
using foundation::IsAsciiDigit;
using foundation::TrimAsciiSpace;
using foundation::EqualsIgnoreCase;
using foundation::StartsWithIgnoreCase;

// What a node inherits from its ancestors.
struct WalkContext {
  bool in_head = false;
  bool in_body = false;
  bool in_template = false;
  bool in_badge_span = false;   // inside <span id|class="_ideConac">
  bool in_status_link = false;  // inside <a href="//bszs.conac.cn/...">
  // Inside foreign content (<svg>, <math>) after a stray </p> or </br>, which
  // a browser's parser takes out of the foreign element (HTML's "in foreign
  // content" rule); Gumbo keeps the rest in the SVG namespace.
  bool out_of_foreign = false;
};

struct Frame {
  const GumboNode* node;
  WalkContext context;
};

// End-tag candidates found by a plain text search; those that turn out to lie
// inside a comment, raw text or a start tag are struck out during the walk.
class EndTagCandidates {
 public:
  void Add(std::size_t offset) {
    offsets_.push_back(offset);
    real_.push_back(true);
  }

  // Strikes out candidates inside [begin, end).
  void StrikeRange(std::size_t begin, std::size_t end) {
    auto it = std::lower_bound(offsets_.begin(), offsets_.end(), begin);
    for (; it != offsets_.end() && *it < end; ++it) {
      real_[static_cast<std::size_t>(it - offsets_.begin())] = false;
    }
  }

  [[nodiscard]] bool empty() const { return offsets_.empty(); }

  [[nodiscard]] std::vector<std::size_t> Real() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < offsets_.size(); ++i) {
      if (real_[i]) out.push_back(offsets_[i]);
    }
    return out;
  }

 private:
  std::vector<std::size_t> offsets_;  // ascending
  std::vector<bool> real_;
};

// Every "</body" and "</html" (any case) followed by a space, '>', '/' or the
// end of the page, in one pass from '<' to '<'.
void FindEndTagCandidates(std::string_view html, EndTagCandidates& body_ends,
                          EndTagCandidates& html_ends) {
  constexpr std::size_t kNeedleSize = 6;  // "</body", "</html"
  const char* const data = html.data();
  std::size_t pos = 0;
  while (pos < html.size()) {
    const void* lt = std::memchr(data + pos, '<', html.size() - pos);
    if (lt == nullptr) break;
    pos = static_cast<std::size_t>(static_cast<const char*>(lt) - data);
    if (html.size() - pos < kNeedleSize || html[pos + 1] != '/') {
      ++pos;
      continue;
    }
    const std::string_view name = html.substr(pos + 2, kNeedleSize - 2);
    EndTagCandidates* into = nullptr;
    if (EqualsIgnoreCase(name, "body")) into = &body_ends;
    if (EqualsIgnoreCase(name, "html")) into = &html_ends;
    const std::size_t after = pos + kNeedleSize;
    if (into != nullptr && (after >= html.size() || IsAsciiSpace(html[after]) ||
                            html[after] == '>' || html[after] == '/')) {
      into->Add(pos);
    }
    pos = into != nullptr ? after : pos + 1;
  }
}

std::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr != nullptr ? std::string_view(attr->value) : std::string_view();
}

bool HasAttribute(const GumboElement& element, const char* name) {
  return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

// HTML's "JavaScript MIME type essence match", plus the empty type and modules:
// anything else (text/template, text/html ...) is never executed.
bool IsExecutableScriptType(const GumboElement& script) {
  if (!HasAttribute(script, "type")) return true;
  const std::string_view type = TrimAsciiSpace(Attribute(script, "type"));
  if (type.empty()) return true;
  static constexpr std::string_view kJavaScriptTypes[] = {"application/ecmascript",
                                                          "application/javascript",
                                                          "application/x-ecmascript",
                                                          "application/x-javascript",
                                                          "text/ecmascript",
                                                          "text/javascript",
                                                          "text/javascript1.0",
                                                          "text/javascript1.1",
                                                          "text/javascript1.2",
                                                          "text/javascript1.3",
                                                          "text/javascript1.4",
                                                          "text/javascript1.5",
                                                          "text/jscript",
                                                          "text/livescript",
                                                          "text/x-ecmascript",
                                                          "text/x-javascript",
                                                          "module"};
  return std::any_of(std::begin(kJavaScriptTypes), std::end(kJavaScriptTypes),
                     [&](std::string_view js) { return EqualsIgnoreCase(type, js); });
}

bool HasBadgeSpanMarker(const GumboElement& element) {
  if (Attribute(element, "id") == "_ideConac") return true;
  const std::string_view classes = Attribute(element, "class");
  std::size_t pos = 0;
  while ((pos = classes.find("_ideConac", pos)) != std::string_view::npos) {
    const std::size_t end = pos + 9;
    if ((pos == 0 || IsAsciiSpace(classes[pos - 1])) &&
        (end == classes.size() || IsAsciiSpace(classes[end]))) {
      return true;
    }
    pos = end;
  }
  return false;
}

// The URL in <meta http-equiv="refresh" content="5; url=/next.html">.
std::string_view RefreshUrl(std::string_view content) {
  std::size_t i = 0;
  while (i < content.size() && (IsAsciiDigit(content[i]) || content[i] == '.')) ++i;
  while (i < content.size() &&
         (IsAsciiSpace(content[i]) || content[i] == ';' || content[i] == ',')) {
    ++i;
  }
  std::string_view rest = content.substr(i);
  if (StartsWithIgnoreCase(rest, "url")) {
    std::string_view after = TrimAsciiSpace(rest.substr(3));
    if (after.starts_with('=')) rest = TrimAsciiSpace(after.substr(1));
  }
  if (!rest.empty() && (rest.front() == '\'' || rest.front() == '"')) {
    const char quote = rest.front();
    rest.remove_prefix(1);
    rest = rest.substr(0, rest.find(quote));
  }
  return rest;
}

FoundBadge BadgeAt(const GumboElement& element, BadgeForm form) {
  FoundBadge badge;
  badge.form = form;
  badge.source_offset = element.start_pos.offset;
  badge.line = element.start_pos.line;
  badge.column = element.start_pos.column;
  return badge;
}

// The badge a script element loads from `url`: `live_form` unless the URL is
// scheme-relative to the page's own host (a mirror of CONAC's script).
FoundBadge ScriptBadgeAt(const GumboElement& script, const BadgeScriptUrl& url,
                         BadgeForm live_form) {
  const bool mirror = url.scheme == BadgeScheme::kRelative;
  FoundBadge badge = BadgeAt(script, mirror ? BadgeForm::kMirror : live_form);
  badge.id = url.id;
  badge.scheme = url.scheme;
  badge.well_formed = url.well_formed;
  return badge;
}

// True for the HTML <p> or <br> Gumbo makes of a stray </p> or </br> end tag.
bool IsStrayParagraphOrBreakEnd(const GumboNode& node) {
  if (node.type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& element = node.v.element;
  return element.tag_namespace == GUMBO_NAMESPACE_HTML &&
         (element.tag == GUMBO_TAG_P || element.tag == GUMBO_TAG_BR) &&
         element.original_tag.length >= 2 && element.original_tag.data[1] == '/';
}

// Pushes the children of a foreign element, marking those after a stray
// </p> or </br> as out of the foreign element.
void PushForeignChildren(const GumboElement& element, const WalkContext& context,
                         std::vector<Frame>& stack) {
  const GumboVector& children = element.children;
  std::size_t stray = children.length;
  for (unsigned i = 0; i < children.length; ++i) {
    if (IsStrayParagraphOrBreakEnd(*static_cast<const GumboNode*>(children.data[i]))) {
      stray = i;
      break;
    }
  }
  WalkContext after = context;
  after.out_of_foreign = true;
  for (unsigned i = children.length; i > 0; --i) {
    stack.push_back(
        {static_cast<const GumboNode*>(children.data[i - 1]), i - 1 > stray ? after : context});
  }
}

class PageWalker {
 public:
  PageWalker(const GumboOutput& output, std::string_view html) : output_(output), html_(html) {
    FindEndTagCandidates(html, body_ends_, html_ends_);
  }

  PageFacts Walk();

 private:
  void VisitElement(const GumboNode& node, WalkContext& context);
  void VisitScript(const GumboElement& script, const WalkContext& context);
  void VisitText(const GumboNode& node, const WalkContext& context);
  void StrikeEndTags(std::size_t begin, std::size_t length) {
    if (body_ends_.empty() && html_ends_.empty()) return;
    body_ends_.StrikeRange(begin, begin + length);
    html_ends_.StrikeRange(begin, begin + length);
  }
  void AddBadge(FoundBadge badge, const WalkContext& context) {
    facts_.badges.push_back({std::move(badge), context.in_head, context.in_body});
  }

  // <noscript> with scripting on, as browsers run: its content is raw text up
  // to the next </noscript>. Gumbo parses it with scripting off.
  void NoteNoscript(const GumboElement& noscript);
  void DropBadgesInNoscript();

  const GumboOutput& output_;
  std::string_view html_;
  // [begin, end) of each <noscript>'s raw text in html_, in the order met.
  std::vector<std::pair<std::size_t, std::size_t>> noscript_ranges_;
  EndTagCandidates body_ends_;
  EndTagCandidates html_ends_;
  PageFacts facts_;
  int static_copy_without_id_ = -1;  // index of a static copy still looking for its printed id
};

PageFacts PageWalker::Walk() {
  std::vector<Frame> stack;
  stack.push_back({output_.document, {}});
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const GumboNode& node = *frame.node;
    WalkContext context = frame.context;
    const GumboVector* children = nullptr;
    switch (node.type) {
      case GUMBO_NODE_DOCUMENT:
        children = &node.v.document.children;
        break;
      case GUMBO_NODE_TEMPLATE:
        context.in_template = true;
        [[fallthrough]];
      case GUMBO_NODE_ELEMENT: {
        const GumboElement& element = node.v.element;
        StrikeEndTags(element.start_pos.offset, element.original_tag.length);
        VisitElement(node, context);
        const GumboTag tag = element.tag;
        const bool html_element =
            element.tag_namespace == GUMBO_NAMESPACE_HTML || context.out_of_foreign;
        const bool opaque =
            html_element &&
            (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TITLE ||
             tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_IFRAME ||
             tag == GUMBO_TAG_NOEMBED || tag == GUMBO_TAG_NOFRAMES || tag == GUMBO_TAG_PLAINTEXT);
        if (opaque) {
          // Raw text: a "</body>" in it is no tag, and it is not visible text.
          for (unsigned i = 0; i < element.children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
            if (child->type != GUMBO_NODE_ELEMENT && child->type != GUMBO_NODE_TEMPLATE) {
              StrikeEndTags(child->v.text.start_pos.offset, child->v.text.original_text.length);
            }
          }
          if (tag != GUMBO_TAG_TEXTAREA && tag != GUMBO_TAG_PLAINTEXT) break;
        }
        children = &element.children;
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML && !context.out_of_foreign) {
          PushForeignChildren(element, context, stack);
          children = nullptr;
        }
        break;
      }
      case GUMBO_NODE_COMMENT:
        StrikeEndTags(node.v.text.start_pos.offset, node.v.text.original_text.length);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        VisitText(node, context);
        break;
      case GUMBO_NODE_WHITESPACE:
        break;
    }
    if (children != nullptr) {
      for (unsigned i = children->length; i > 0; --i) {
        stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]), context});
      }
    }
  }
  DropBadgesInNoscript();
  facts_.body_end_tags = body_ends_.Real();
  facts_.html_end_tags = html_ends_.Real();
  return std::move(facts_);
}

void PageWalker::NoteNoscript(const GumboElement& noscript) {
  const std::size_t begin = noscript.start_pos.offset + noscript.original_tag.length;
  std::size_t end = html_.size();
  for (std::size_t at = html_.find("</", begin); at != std::string_view::npos;
       at = html_.find("</", at + 2)) {
    if (EqualsIgnoreCase(html_.substr(at + 2, 8), "noscript")) {
      end = at;
      break;
    }
  }
  noscript_ranges_.emplace_back(begin, end);
  StrikeEndTags(begin, end - begin);
}

void PageWalker::DropBadgesInNoscript() {
  if (noscript_ranges_.empty()) return;
  const auto in_noscript = [&](const BadgeCandidate& candidate) {
    const std::size_t offset = candidate.badge.source_offset;
    return std::any_of(noscript_ranges_.begin(), noscript_ranges_.end(), [&](const auto& range) {
      return offset >= range.first && offset < range.second;
    });
  };
  facts_.badges.erase(std::remove_if(facts_.badges.begin(), facts_.badges.end(), in_noscript),
                      facts_.badges.end());
}

void PageWalker::VisitElement(const GumboNode& node, WalkContext& context) {
  const GumboElement& element = node.v.element;
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML && !context.out_of_foreign) return;
  switch (element.tag) {
    case GUMBO_TAG_NOSCRIPT:
      NoteNoscript(element);
      break;
    case GUMBO_TAG_HEAD:
      context.in_head = true;
      break;
    case GUMBO_TAG_BODY:
      context.in_body = true;
      break;
    case GUMBO_TAG_TITLE:
      if (!facts_.raw_title) {
        std::string title;
        for (unsigned i = 0; i < element.children.length; ++i) {
          const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
          if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
            title += child->v.text.text;
          }
        }
        facts_.raw_title = std::move(title);
      }
      break;
    case GUMBO_TAG_META: {
      const std::string_view name = Attribute(element, "name");
      const std::string_view content = Attribute(element, "content");
      std::optional<std::string>* slot = nullptr;
      if (EqualsIgnoreCase(name, "sitename")) slot = &facts_.site_meta.site_name;
      if (EqualsIgnoreCase(name, "sitedomain")) slot = &facts_.site_meta.site_domain;
      if (EqualsIgnoreCase(name, "siteidcode")) slot = &facts_.site_meta.site_id_code;
      if (slot != nullptr && !*slot && HasAttribute(element, "content")) {
        *slot = std::string(TrimAsciiSpace(content));
      }
      if (EqualsIgnoreCase(TrimAsciiSpace(Attribute(element, "http-equiv")), "refresh")) {
        const std::string_view url = RefreshUrl(content);
        if (!url.empty()) facts_.hrefs.push_back(url);
      }
      break;
    }
    case GUMBO_TAG_BASE:
      if (facts_.base_href.empty() && HasAttribute(element, "href")) {
        facts_.base_href = Attribute(element, "href");
      }
      break;
    case GUMBO_TAG_A:
    case GUMBO_TAG_AREA:
      if (HasAttribute(element, "href")) {
        const std::string_view href = Attribute(element, "href");
        facts_.hrefs.push_back(href);
        if (IsBadgeStatusLink(href)) context.in_status_link = true;
      }
      break;
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_IFRAME:
      if (HasAttribute(element, "src")) facts_.hrefs.push_back(Attribute(element, "src"));
      break;
    case GUMBO_TAG_IMG:
      if ((context.in_badge_span || context.in_status_link) &&
          IsRenderedBadgeImageUrl(Attribute(element, "src"))) {
        FoundBadge badge = BadgeAt(element, BadgeForm::kStaticCopy);
        badge.scheme = BadgeScheme::kRelative;
        if (const auto url = ParseBadgeScriptUrl(Attribute(element, "src")))
          badge.scheme = url->scheme;
        static_copy_without_id_ = static_cast<int>(facts_.badges.size());
        AddBadge(std::move(badge), context);
      }
      break;
    case GUMBO_TAG_SCRIPT:
      VisitScript(element, context);
      break;
    default:
      break;
  }
  if (HasBadgeSpanMarker(element)) context.in_badge_span = true;
}

void PageWalker::VisitScript(const GumboElement& script, const WalkContext& context) {
  if (context.in_template || !IsExecutableScriptType(script)) return;
  if (HasAttribute(script, "src")) {
    const std::string_view src = Attribute(script, "src");
    const auto url = ParseBadgeScriptUrl(src);
    if (url) {
      AddBadge(ScriptBadgeAt(script, *url, BadgeForm::kScript), context);
    } else {
      facts_.script_srcs.push_back(src);
    }
    return;
  }
  for (unsigned i = 0; i < script.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(script.children.data[i]);
    if (child->type != GUMBO_NODE_TEXT) continue;
    const std::string_view text = child->v.text.text;
    if (text.find("document") == std::string_view::npos) continue;
    for (const WrittenScriptSrc& written : FindDocumentWriteScriptSrcs(text)) {
      const auto url = ParseBadgeScriptUrl(written.src);
      if (url) AddBadge(ScriptBadgeAt(script, *url, BadgeForm::kDocumentWrite), context);
    }
  }
}

void PageWalker::VisitText(const GumboNode& node, const WalkContext& context) {
  if (context.in_head) return;
  const std::string_view text = node.v.text.text;
  facts_.visible_text.append(text);
  if (context.in_badge_span && static_copy_without_id_ >= 0) {
    FoundBadge& badge = facts_.badges[static_cast<std::size_t>(static_copy_without_id_)].badge;
    if (badge.id.empty()) badge.id = FindBadgeIdText(text);
  }
}

}  // namespace

PageFacts WalkPage(const GumboOutput& output, std::string_view html) {
  return PageWalker(output, html).Walk();
}

PagePlacement PlaceBadge(const BadgeCandidate& candidate, const PageFacts& facts) {
  if (candidate.in_head) return PagePlacement::kHead;
  if (!candidate.in_body) return PagePlacement::kOutside;
  const std::size_t offset = candidate.badge.source_offset;
  // The page ends at its first </html>; its body at the last </body> before that.
  const std::size_t html_end =
      facts.html_end_tags.empty() ? std::string_view::npos : facts.html_end_tags.front();
  if (offset > html_end && html_end != std::string_view::npos) return PagePlacement::kAfterHtml;
  auto body_end =
      std::lower_bound(facts.body_end_tags.begin(), facts.body_end_tags.end(), html_end);
  if (body_end != facts.body_end_tags.begin() && offset > *std::prev(body_end)) {
    return PagePlacement::kAfterBody;
  }
  return PagePlacement::kBody;
}

}  // namespace badgewatch::verifier::detail

#include "import/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstring>
#include <memory>

#include "import/plan_format.h"

namespace chuangwen::internal {
namespace {

bool NameIs(const xmlNode* n, const char* name) {
  return n->name != nullptr &&
         xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool NameIn(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (NameIs(n, name)) return true;
  return false;
}

// Navigation and page furniture by element, role, class or id.
bool IsChrome(const xmlNode* n) {
  if (NameIn(n, {"script", "style", "noscript", "nav", "header", "footer",
                 "iframe", "select", "button", "form", "template", "svg"}))
    return true;
  for (const char* attr : {"class", "id", "role"}) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(attr));
    if (v == nullptr) continue;
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    for (char& c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* word : {"nav", "menu", "breadcrumb", "footer", "header",
                             "share", "sidebar", "banner", "navigation"}) {
      if (s.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

bool IsBlock(const xmlNode* n) {
  return NameIn(
      n,
      {"p",       "div",     "li",         "ul",     "ol",    "h1",    "h2",
       "h3",      "h4",      "h5",         "h6",     "table", "tbody", "thead",
       "section", "article", "blockquote", "pre",    "dt",    "dd",    "dl",
       "title",   "body",    "main",       "center", "tr"});
}

class HtmlText {
 public:
  void Walk(const xmlNode* n) {
    for (const xmlNode* c = n; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        Text(reinterpret_cast<const char*>(c->content));
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      if (IsChrome(c)) continue;
      if (NameIs(c, "br")) {
        EndLine();
        continue;
      }
      if (NameIs(c, "tr")) {
        EndLine();
        Row(c);
        EndLine();
        continue;
      }
      const bool block = IsBlock(c);
      if (block) EndLine();
      Walk(c->children);
      if (block) EndLine();
    }
  }

  std::string& text() { return text_; }

  void EndLine() {
    if (line_.empty()) return;
    text_ += line_;
    text_ += '\n';
    line_.clear();
    pending_space_ = false;
  }

 private:
  // Whitespace runs are one space, as a browser shows them; a non-breaking
  // space stays a space.
  void Text(const char* t) {
    if (t == nullptr) return;
    for (const char* p = t; *p != '\0'; ++p) {
      const unsigned char c = static_cast<unsigned char>(*p);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        pending_space_ = !line_.empty();
      } else if (c == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0) {
        pending_space_ = !line_.empty();
        ++p;
      } else {
        if (pending_space_) line_ += ' ';
        pending_space_ = false;
        line_ += *p;
      }
    }
  }

  void Row(const xmlNode* tr) {
    bool first = true;
    for (const xmlNode* c = tr->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || !NameIn(c, {"td", "th"})) continue;
      HtmlText cell;
      cell.Walk(c->children);
      cell.EndLine();
      std::string t = cell.text();
      for (char& ch : t)
        if (ch == '\n' || ch == '\t') ch = ' ';
      while (!t.empty() && t.back() == ' ') t.pop_back();
      if (!first) line_ += '\t';
      first = false;
      line_ += t;
    }
  }

  std::string text_, line_;
  bool pending_space_ = false;
};

}  // namespace

Status ReadHtml(std::string_view bytes, std::string* text) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    return Status::InvalidArgument("the page is too large");
  htmlDocPtr doc = htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()),
                                  "plan.html", nullptr,
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == nullptr)
    return Status::ParseError("the web page cannot be parsed");
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> owner(doc, xmlFreeDoc);
  HtmlText reader;
  reader.Walk(xmlDocGetRootElement(doc));
  reader.EndLine();
  if (reader.text().size() > kMaxPlanTextBytes) {
    return Status::InvalidArgument("the page's text is over " +
                                   std::to_string(kMaxPlanTextBytes >> 20) +
                                   " MB; it is refused");
  }
  *text = std::move(reader.text());
  return Status::OK();
}

}  // namespace chuangwen::internal

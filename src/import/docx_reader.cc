// Hand-walks the WordprocessingML tree: the few elements a plan's text needs
// are simpler to follow than to map through a general document model.
#include "import/docx_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "import/docx_numbering.h"
#include "import/plan_format.h"

namespace chuangwen::internal {
namespace {

constexpr char kW[] =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct DocFreer {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocFreer>;

// One part of the package, or "" when it is absent.
Status ReadPart(zip_t* zip, const char* name, bool required, std::string* out) {
  out->clear();
  const zip_int64_t index = zip_name_locate(zip, name, ZIP_FL_NOCASE);
  if (index < 0) {
    if (!required) return Status::OK();
    return Status::ParseError(std::string("a Word package without ") + name +
                              ": the file is damaged or not a .docx");
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & ZIP_STAT_SIZE) == 0) {
    return Status::ParseError(std::string("cannot read ") + name +
                              " in the Word package");
  }
  if (st.size > kMaxPackagePartBytes) {
    return Status::InvalidArgument(
        std::string(name) + " unpacks to " + std::to_string(st.size >> 20) +
        " MB; parts over " + std::to_string(kMaxPackagePartBytes >> 20) +
        " MB are refused");
  }
  zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Status::ParseError(std::string("cannot open ") + name +
                              " in the Word package (encrypted or damaged)");
  }
  out->resize(static_cast<size_t>(st.size));
  zip_int64_t got = out->empty() ? 0 : zip_fread(file, &(*out)[0], st.size);
  zip_fclose(file);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    return Status::ParseError(std::string(name) +
                              " in the Word package is damaged");
  }
  return Status::OK();
}

Status ParseXml(const std::string& bytes, const char* name, XmlDoc* out) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::InvalidArgument(std::string(name) + " is too large");
  }
  xmlDoc* doc =
      xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                        XML_PARSE_HUGE);
  if (doc == nullptr) {
    return Status::ParseError(std::string(name) +
                              " in the Word package is not well-formed XML");
  }
  out->reset(doc);
  return Status::OK();
}

bool Is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->ns != nullptr &&
         xmlStrEqual(n->ns->href, BAD_CAST kW) &&
         xmlStrEqual(n->name, BAD_CAST name);
}

const xmlNode* Child(const xmlNode* n, const char* name) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (Is(c, name)) return c;
  return nullptr;
}

std::string Attr(const xmlNode* n, const char* name) {
  if (n == nullptr) return "";
  xmlChar* v = xmlGetNsProp(n, BAD_CAST name, BAD_CAST kW);
  if (v == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

int IntAttr(const xmlNode* n, const char* name, int fallback) {
  const std::string v = Attr(n, name);
  if (v.empty()) return fallback;
  char* end = nullptr;
  const long x = std::strtol(v.c_str(), &end, 10);
  return end != nullptr && *end == '\0' && x > -100000 && x < 100000
             ? static_cast<int>(x)
             : fallback;
}

// w:val of a child element, "" when absent.
std::string ChildVal(const xmlNode* n, const char* child) {
  return n == nullptr ? "" : Attr(Child(n, child), "val");
}

ListLevel ReadLevel(const xmlNode* lvl) {
  ListLevel out;
  out.defined = true;
  out.start = IntAttr(Child(lvl, "start"), "val", 1);
  const std::string format = ChildVal(lvl, "numFmt");
  out.format = format.empty() ? "decimal" : format;
  out.text = ChildVal(lvl, "lvlText");
  const xmlNode* legal = Child(lvl, "isLgl");
  out.legal = legal != nullptr && Attr(legal, "val") != "0" &&
              Attr(legal, "val") != "false";
  return out;
}

// numbering.xml: the definitions and instances of every list.
ListCounters ReadNumbering(const xmlDoc* doc) {
  std::map<int, ListDefinition> definitions;
  std::map<int, ListInstance> instances;
  const xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc);
  for (const xmlNode* n = root == nullptr ? nullptr : root->children;
       n != nullptr; n = n->next) {
    if (Is(n, "abstractNum")) {
      ListDefinition def;
      for (const xmlNode* l = n->children; l != nullptr; l = l->next) {
        if (!Is(l, "lvl")) continue;
        const int i = IntAttr(l, "ilvl", -1);
        if (i >= 0 && i < 9) def.levels[static_cast<size_t>(i)] = ReadLevel(l);
      }
      definitions[IntAttr(n, "abstractNumId", -1)] = def;
    } else if (Is(n, "num")) {
      ListInstance inst;
      inst.definition = IntAttr(Child(n, "abstractNumId"), "val", -1);
      for (const xmlNode* o = n->children; o != nullptr; o = o->next) {
        if (!Is(o, "lvlOverride")) continue;
        const int i = IntAttr(o, "ilvl", -1);
        if (i < 0 || i > 8) continue;
        if (const xmlNode* s = Child(o, "startOverride"))
          inst.start_override[i] = IntAttr(s, "val", 1);
        if (const xmlNode* l = Child(o, "lvl"))
          inst.level_override[i] = ReadLevel(l);
      }
      instances[IntAttr(n, "numId", -1)] = inst;
    }
  }
  return ListCounters(std::move(definitions), std::move(instances));
}

struct ListRef {
  int num_id = -1;  // -1: not set here; 0: numbering removed.
  int level = -1;
};

struct StyleInfo {
  std::string based_on;
  ListRef list;
};

// styles.xml: each paragraph style's list (numbering inherited through
// w:basedOn).
std::map<std::string, StyleInfo> ReadStyles(const xmlDoc* doc) {
  std::map<std::string, StyleInfo> out;
  const xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc);
  for (const xmlNode* n = root == nullptr ? nullptr : root->children;
       n != nullptr; n = n->next) {
    if (!Is(n, "style")) continue;
    StyleInfo info;
    info.based_on = ChildVal(n, "basedOn");
    if (const xmlNode* ppr = Child(n, "pPr")) {
      if (const xmlNode* num = Child(ppr, "numPr")) {
        info.list.num_id = IntAttr(Child(num, "numId"), "val", -1);
        info.list.level = IntAttr(Child(num, "ilvl"), "val", -1);
      }
    }
    out[Attr(n, "styleId")] = info;
  }
  return out;
}

class DocxText {
 public:
  DocxText(ListCounters counters, std::map<std::string, StyleInfo> styles)
      : counters_(std::move(counters)), styles_(std::move(styles)) {}

  Status Body(const xmlNode* body) {
    for (const xmlNode* n = body->children; n != nullptr; n = n->next) {
      if (Is(n, "p")) {
        Paragraph(n, &line_);
        CW_RETURN_IF_ERROR(EndLine());
      } else if (Is(n, "tbl")) {
        CW_RETURN_IF_ERROR(Table(n));
      } else if (Is(n, "sdt")) {
        if (const xmlNode* content = Child(n, "sdtContent"))
          CW_RETURN_IF_ERROR(Body(content));
      }
    }
    return Status::OK();
  }

  std::string& text() { return text_; }

 private:
  // The list of a paragraph: its own w:numPr, else its style's (and the
  // styles it is based on).
  ListRef ListOf(const xmlNode* ppr) const {
    ListRef ref;
    std::string style;
    if (ppr != nullptr) {
      style = ChildVal(ppr, "pStyle");
      if (const xmlNode* num = Child(ppr, "numPr")) {
        ref.num_id = IntAttr(Child(num, "numId"), "val", -1);
        ref.level = IntAttr(Child(num, "ilvl"), "val", -1);
      }
    }
    std::set<std::string> seen;
    while (!style.empty() && seen.insert(style).second &&
           (ref.num_id < 0 || ref.level < 0)) {
      auto it = styles_.find(style);
      if (it == styles_.end()) break;
      if (ref.num_id < 0) ref.num_id = it->second.list.num_id;
      if (ref.level < 0) ref.level = it->second.list.level;
      style = it->second.based_on;
    }
    if (ref.level < 0) ref.level = 0;
    return ref;
  }

  void Paragraph(const xmlNode* p, std::string* out) {
    const xmlNode* ppr = Child(p, "pPr");
    const ListRef list = ListOf(ppr);
    std::string body;
    Runs(p, &body);
    if (list.num_id > 0) {
      // A numbered paragraph with no text still advances its list.
      const std::string label = counters_.Next(list.num_id, list.level);
      if (!label.empty() && !body.empty()) body = label + body;
    }
    *out += body;
  }

  // The text of runs, hyperlinks, insertions and smart tags under `n`.
  void Runs(const xmlNode* n, std::string* out) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (Is(c, "r")) {
        Run(c, out);
      } else if (Is(c, "hyperlink") || Is(c, "ins") || Is(c, "smartTag") ||
                 Is(c, "customXml") || Is(c, "fldSimple") || Is(c, "sdt") ||
                 Is(c, "sdtContent")) {
        Runs(c, out);
      }
      // w:del (tracked deletions), w:pPr and the rest carry no text.
    }
  }

  void Run(const xmlNode* r, std::string* out) {
    if (const xmlNode* rpr = Child(r, "rPr")) {
      const xmlNode* vanish = Child(rpr, "vanish");
      if (vanish != nullptr && Attr(vanish, "val") != "0" &&
          Attr(vanish, "val") != "false")
        return;  // Hidden text.
    }
    for (const xmlNode* c = r->children; c != nullptr; c = c->next) {
      if (Is(c, "t")) {
        xmlChar* t = xmlNodeGetContent(c);
        if (t != nullptr) {
          *out += reinterpret_cast<const char*>(t);
          xmlFree(t);
        }
      } else if (Is(c, "tab") || Is(c, "ptab")) {
        *out += ' ';
      } else if (Is(c, "br") || Is(c, "cr")) {
        *out += '\n';
      } else if (Is(c, "noBreakHyphen")) {
        *out += '-';
      }
      // w:instrText (field codes), w:delText and drawings are not text.
    }
  }

  Status Table(const xmlNode* tbl) {
    for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
      if (!Is(tr, "tr")) continue;
      std::string row;
      bool first = true;
      for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
        if (!Is(tc, "tc") && !Is(tc, "sdt")) continue;
        std::string cell;
        CellText(tc, &cell);
        if (!first) row += '\t';
        first = false;
        row += cell;
      }
      line_ = row;
      CW_RETURN_IF_ERROR(EndLine());
    }
    return Status::OK();
  }

  // A cell's paragraphs joined by spaces (nested tables flattened).
  void CellText(const xmlNode* tc, std::string* out) {
    for (const xmlNode* n = tc->children; n != nullptr; n = n->next) {
      if (Is(n, "p")) {
        std::string p;
        Paragraph(n, &p);
        for (char& c : p) {
          if (c == '\n' || c == '\t') c = ' ';
        }
        if (!p.empty()) {
          if (!out->empty()) *out += ' ';
          *out += p;
        }
      } else if (Is(n, "tbl") || Is(n, "tr") || Is(n, "tc") || Is(n, "sdt") ||
                 Is(n, "sdtContent")) {
        CellText(n, out);
      }
    }
  }

  Status EndLine() {
    text_ += line_;
    text_ += '\n';
    line_.clear();
    if (text_.size() > kMaxPlanTextBytes) {
      return Status::InvalidArgument("the document's text is over " +
                                     std::to_string(kMaxPlanTextBytes >> 20) +
                                     " MB; it is refused");
    }
    return Status::OK();
  }

  ListCounters counters_;
  std::map<std::string, StyleInfo> styles_;
  std::string text_, line_;
};

}  // namespace

Status ReadDocx(std::string_view bytes, std::string* text) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Status::ParseError("cannot read the Word package");
  }
  std::unique_ptr<zip_t, ZipCloser> zip(
      zip_open_from_source(source, ZIP_RDONLY, &error));
  if (zip == nullptr) {
    zip_source_free(source);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::ParseError("the Word package is damaged (" + why + ")");
  }
  zip_error_fini(&error);
  std::string document, numbering, styles;
  CW_RETURN_IF_ERROR(ReadPart(zip.get(), "word/document.xml", true, &document));
  CW_RETURN_IF_ERROR(
      ReadPart(zip.get(), "word/numbering.xml", false, &numbering));
  CW_RETURN_IF_ERROR(ReadPart(zip.get(), "word/styles.xml", false, &styles));
  XmlDoc doc, num_doc, style_doc;
  CW_RETURN_IF_ERROR(ParseXml(document, "word/document.xml", &doc));
  if (!numbering.empty())
    CW_RETURN_IF_ERROR(ParseXml(numbering, "word/numbering.xml", &num_doc));
  if (!styles.empty())
    CW_RETURN_IF_ERROR(ParseXml(styles, "word/styles.xml", &style_doc));
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* body = root == nullptr ? nullptr : Child(root, "body");
  if (body == nullptr) {
    return Status::ParseError(
        "word/document.xml has no body: the file is damaged or not a .docx");
  }
  DocxText reader(ReadNumbering(num_doc.get()), ReadStyles(style_doc.get()));
  CW_RETURN_IF_ERROR(reader.Body(body));
  *text = std::move(reader.text());
  return Status::OK();
}

}  // namespace chuangwen::internal

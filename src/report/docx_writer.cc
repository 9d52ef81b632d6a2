#include "report/docx_writer.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "common/numbers.h"

namespace chuangwen::internal {
namespace {

// The page of GB/T 9704 in twentieths of a point (1 mm = 56.7).
constexpr int kPageWidth = 11906;     // A4, 210 mm.
constexpr int kPageHeight = 16838;    // 297 mm.
constexpr int kMarginTop = 2098;      // 天头 37 mm.
constexpr int kMarginBottom = 1984;   // 35 mm.
constexpr int kMarginInside = 1588;   // 订口 28 mm.
constexpr int kMarginOutside = 1474;  // 26 mm.
constexpr int kTextWidth = kPageWidth - kMarginInside - kMarginOutside;
constexpr int kFooterDistance = 1304;  // The number 7 mm below the 版心.
constexpr int kLine = 579;             // 225 mm / 22 lines.
constexpr int kMastheadDrop = 1984;    // 标志 35 mm below the 版心's top.
constexpr int kRedRuleDrop = 227;      // The rule 4 mm below the 发文字号.

// Font sizes in half points: 3号 16 pt, 2号 22 pt, 4号 14 pt.
constexpr int kBodySize = 32;
constexpr int kTitleSize = 44;
constexpr int kSmallSize = 28;
constexpr int kMastheadSize = 60;
constexpr int kCharWidth = 320;  // One 3号 character, in twips.

constexpr char kFangSong[] = "仿宋_GB2312";
constexpr char kXiaoBiaoSong[] = "方正小标宋简体";
constexpr char kHei[] = "黑体";
constexpr char kKai[] = "楷体_GB2312";
constexpr char kSong[] = "宋体";
constexpr char kRed[] = "E60012";

constexpr char kWordNs[] =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr char kRelNs[] =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct RunStyle {
  const char* font = nullptr;  // nullptr: the document's 仿宋.
  int size = 0;                // 0: the document's 3号.
  bool bold = false;
  const char* color = nullptr;
};

struct Run {
  std::string text;  // "\n" is a line break, "\t" a tab.
  RunStyle style;
};

struct ParaStyle {
  const char* align = nullptr;  // "center", "right", "left"; else justified.
  int first_line_chars = 0;     // Hundredths of a character.
  int left_chars = 0;
  int right_chars = 0;
  int before = 0;  // Twips.
  int after = 0;
  int line = kLine;  // Exact; 0 for single spacing.
  bool keep_next = false;
  bool page_break_before = false;
  int right_tab = 0;      // A right-aligned tab stop at this position.
  bool off_grid = false;  // Not snapped to the page's line grid.
  const char* rule_below = nullptr;  // Colour of a rule below.
  int rule_size = 18;                // Its width in eighths of a point.
};

// An XML part written through libxml2's text writer.
class XmlPart {
 public:
  XmlPart()
      : buffer_(xmlBufferCreate()), w_(xmlNewTextWriterMemory(buffer_, 0)) {
    xmlTextWriterStartDocument(w_, nullptr, "UTF-8", "yes");
  }
  ~XmlPart() {
    if (w_ != nullptr) xmlFreeTextWriter(w_);
    xmlBufferFree(buffer_);
  }
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  XmlPart& Open(const char* name) {
    xmlTextWriterStartElement(w_, Xml(name));
    return *this;
  }
  XmlPart& Attr(const char* name, const std::string& value) {
    xmlTextWriterWriteAttribute(w_, Xml(name), Xml(value.c_str()));
    return *this;
  }
  XmlPart& Attr(const char* name, int value) {
    return Attr(name, std::to_string(value));
  }
  XmlPart& Text(const std::string& text) {
    xmlTextWriterWriteString(w_, Xml(text.c_str()));
    return *this;
  }
  XmlPart& Close() {
    xmlTextWriterEndElement(w_);
    return *this;
  }
  // An empty element with one attribute, e.g. <w:jc w:val="center"/>.
  XmlPart& Empty(const char* name, const char* attr = nullptr,
                 const std::string& value = "") {
    Open(name);
    if (attr != nullptr) Attr(attr, value);
    return Close();
  }
  std::string Finish() {
    xmlTextWriterEndDocument(w_);
    xmlFreeTextWriter(w_);
    w_ = nullptr;
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                       static_cast<size_t>(xmlBufferLength(buffer_)));
  }

 private:
  static const xmlChar* Xml(const char* s) {
    return reinterpret_cast<const xmlChar*>(s);
  }
  xmlBufferPtr buffer_;
  xmlTextWriterPtr w_;
};

// ---- Reading the HTML ------------------------------------------------------

bool Is(xmlNode* n, const char* tag) {
  return n != nullptr && n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), tag) == 0;
}

std::string Attribute(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool HasClass(xmlNode* n, const char* name) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE) return false;
  const std::string classes = " " + Attribute(n, "class") + " ";
  return classes.find(std::string(" ") + name + " ") != std::string::npos;
}

std::vector<xmlNode*> Children(xmlNode* n) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = n->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE) out.push_back(c);
  return out;
}

xmlNode* Find(xmlNode* n, const char* tag) {
  for (xmlNode* c = n; c != nullptr; c = c->next) {
    if (Is(c, tag)) return c;
    if (xmlNode* inner = Find(c->children, tag)) return inner;
  }
  return nullptr;
}

// Whitespace runs (template line breaks, indentation) become one space.
void AppendText(const char* text, const RunStyle& style,
                std::vector<Run>* out) {
  std::string collapsed;
  bool space = false;
  for (const char* p = text; *p != '\0'; ++p) {
    const bool ws = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';
    if (ws) {
      space = true;
      continue;
    }
    if (space && !collapsed.empty()) collapsed += ' ';
    if (space && collapsed.empty() && !out->empty() && out->back().text != "\n")
      collapsed += ' ';
    space = false;
    collapsed += *p;
  }
  if (space && !collapsed.empty()) collapsed += ' ';
  if (!collapsed.empty()) out->push_back({collapsed, style});
}

void CollectRuns(xmlNode* n, RunStyle style, std::vector<Run>* out) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      AppendText(reinterpret_cast<const char*>(c->content), style, out);
    } else if (Is(c, "br")) {
      out->push_back({"\n", style});
    } else if (c->type == XML_ELEMENT_NODE && !Is(c, "svg") &&
               !Is(c, "script") && !Is(c, "style")) {
      RunStyle inner = style;
      if (HasClass(c, "signer-name")) inner.font = kKai;
      if (Is(c, "b") || Is(c, "strong")) inner.bold = true;
      CollectRuns(c, inner, out);
    }
  }
}

void TrimRuns(std::vector<Run>* runs) {
  while (!runs->empty() && runs->front().text == " ")
    runs->erase(runs->begin());
  if (!runs->empty() && !runs->front().text.empty() &&
      runs->front().text[0] == ' ')
    runs->front().text.erase(0, 1);
  while (!runs->empty() && runs->back().text == " ") runs->pop_back();
  if (!runs->empty() && !runs->back().text.empty() &&
      runs->back().text.back() == ' ')
    runs->back().text.pop_back();
}

// Width in characters: a CJK character is one, an ASCII one about 0.6 (digits
// and Latin letters in the fallback fonts).
double Chars(const std::string& text) {
  double n = 0;
  for (unsigned char c : text)
    if (c < 0x80)
      n += 0.6;
    else if ((c & 0xC0) != 0x80)
      n += 1;
  return n;
}

// "height: 9em" in a style attribute, in ems; 0 when it has none.
double HeightInEms(const std::string& css) {
  const size_t at = css.find("height:");
  if (at == std::string::npos) return 0;
  size_t i = at + 7;
  while (i < css.size() && css[i] == ' ') ++i;
  double ems = 0;
  size_t used = 0;
  if (!ParseDecimal(std::string_view(css).substr(i), &ems, &used) ||
      css.compare(i + used, 2, "em") != 0)
    return 0;
  return ems;
}

std::string PlainText(xmlNode* n) {
  std::vector<Run> runs;
  CollectRuns(n, {}, &runs);
  TrimRuns(&runs);
  std::string out;
  for (const Run& r : runs) out += r.text;
  return out;
}

// ---- Writing the document ---------------------------------------------------

class DocumentWriter {
 public:
  std::string Write(xmlNode* body) {
    x_.Open("w:document").Attr("xmlns:w", kWordNs).Attr("xmlns:r", kRelNs);
    x_.Open("w:body");
    Blocks(body);
    // A document ends with a paragraph; a tiny one, so it never makes a page.
    ParaStyle end;
    end.line = 20;
    Paragraph(end, {{"", RunStyle{nullptr, 2, false, nullptr}}});
    SectionProperties();
    x_.Close().Close();
    return x_.Finish();
  }

 private:
  void Blocks(xmlNode* parent) {
    for (xmlNode* n : Children(parent)) Block(n);
  }

  void Block(xmlNode* n) {
    if (Is(n, "script") || Is(n, "style") || HasClass(n, "chart")) return;
    if (HasClass(n, "masthead")) return Masthead(n);
    if (Is(n, "hr")) return RedRule(n);
    if (HasClass(n, "signature")) return Signature(n);
    if (HasClass(n, "banji")) return Banji(n);
    if (Is(n, "table")) return Table(n);
    if (HasClass(n, "receipt")) {
      page_break_pending_ = true;
      return Blocks(n);
    }
    if (HasClass(n, "attachments")) {
      bool first = true;
      for (xmlNode* p : Children(n)) {
        ParaStyle style;
        style.left_chars = HasClass(p, "more") ? 500 : 200;
        style.before = first ? kLine : 0;
        first = false;
        Paragraph(style, Runs(p));
      }
      return;
    }
    if (Is(n, "div") || Is(n, "ol") || Is(n, "ul") || Is(n, "section") ||
        Is(n, "tbody") || Is(n, "article"))
      return Blocks(n);
    ParaStyle style;
    RunStyle run;
    if (Is(n, "h1")) {
      style.align = "center";
      style.before =
          HasClass(n, "title") && !page_break_pending_ ? 2 * kLine : 0;
      style.after = kLine;
      style.line = 0;
      style.off_grid = true;
      style.keep_next = true;
      run = {kXiaoBiaoSong, kTitleSize, true, nullptr};
    } else if (Is(n, "h2")) {
      style.first_line_chars = 200;
      style.keep_next = true;
      run.font = kHei;
    } else if (Is(n, "h3")) {
      style.first_line_chars = 200;
      style.keep_next = true;
      run.font = kKai;
    } else if (HasClass(n, "subtitle")) {
      style.align = "center";
      run.font = kKai;
    } else if (HasClass(n, "attachment-label")) {
      run.font = kHei;
    } else if (HasClass(n, "recipients")) {
      // 主送机关: flush left.
    } else if (HasClass(n, "note")) {
      style.first_line_chars = 200;
      style.before = kLine;
    } else {
      style.first_line_chars = 200;
    }
    Paragraph(style, Runs(n, run));
  }

  std::vector<Run> Runs(xmlNode* n, RunStyle style = {}) {
    std::vector<Run> runs;
    CollectRuns(n, style, &runs);
    TrimRuns(&runs);
    return runs;
  }

  // A <p> of exactly two <span>s: the first flush left, the second flush
  // right (发文字号 and 签发人; 印发机关 and 印发日期).
  bool LeftAndRight(xmlNode* p, ParaStyle style, RunStyle run, int indent) {
    std::vector<xmlNode*> spans = Children(p);
    if (spans.size() != 2 || !Is(spans[0], "span") || !Is(spans[1], "span"))
      return false;
    std::vector<Run> runs = Runs(spans[0], run);
    runs.push_back({"\t", run});
    for (Run& r : Runs(spans[1], run)) runs.push_back(std::move(r));
    style.align = nullptr;
    style.left_chars = 100;
    style.right_tab = kTextWidth - indent;
    Paragraph(style, runs);
    return true;
  }

  void Masthead(xmlNode* n) {
    for (xmlNode* p : Children(n)) {
      if (HasClass(p, "issuer")) {
        ParaStyle style;
        style.align = "center";
        style.before = kMastheadDrop;
        style.after = 2 * kLine;
        style.line = 0;
        style.off_grid = true;
        Paragraph(style, Runs(p, {kXiaoBiaoSong, kMastheadSize, true, kRed}));
      } else {
        ParaStyle style;
        style.align = "center";
        style.line = 0;
        if (!LeftAndRight(p, style, {}, kCharWidth)) Paragraph(style, Runs(p));
      }
    }
  }

  void RedRule(xmlNode*) {
    ParaStyle style;
    style.line = kRedRuleDrop;
    style.rule_below = kRed;
    Paragraph(style, {});
  }

  // 署名 centred over 成文日期, the date four characters from the right.
  void Signature(xmlNode* n) {
    xmlNode* issuer = nullptr;
    xmlNode* date = nullptr;
    std::vector<xmlNode*> stack = {n};
    while (!stack.empty()) {
      xmlNode* x = stack.back();
      stack.pop_back();
      if (HasClass(x, "sign-issuer")) issuer = x;
      if (HasClass(x, "date")) date = x;
      for (xmlNode* c : Children(x)) stack.push_back(c);
    }
    if (issuer == nullptr || date == nullptr) return Blocks(n);
    const double gap = (Chars(PlainText(date)) - Chars(PlainText(issuer))) / 2;
    ParaStyle top;
    top.align = "right";
    top.before = 2 * kLine;
    top.right_chars = std::max(0, static_cast<int>(400 + gap * 100));
    top.keep_next = true;
    Paragraph(top, Runs(issuer));
    ParaStyle bottom;
    bottom.align = "right";
    bottom.right_chars = 400;
    Paragraph(bottom, Runs(date));
  }

  // 版记: a one-row table (it never splits) floating at the foot of the
  // last page (w:tblpPr; Word places it there, LibreOffice 7 leaves it after
  // the text), a thick rule above and below, a thin one between its lines.
  void Banji(xmlNode* n) {
    x_.Open("w:tbl").Open("w:tblPr");
    x_.Open("w:tblpPr")
        .Attr("w:leftFromText", 0)
        .Attr("w:rightFromText", 0)
        .Attr("w:vertAnchor", "margin")
        .Attr("w:horzAnchor", "margin")
        .Attr("w:tblpYSpec", "bottom")
        .Close();
    x_.Open("w:tblW").Attr("w:w", kTextWidth).Attr("w:type", "dxa").Close();
    x_.Open("w:tblBorders");
    Border("w:top", 8);
    Border("w:bottom", 8);
    x_.Close();
    x_.Open("w:tblCellMar");
    x_.Open("w:left").Attr("w:w", 0).Attr("w:type", "dxa").Close();
    x_.Open("w:right").Attr("w:w", 0).Attr("w:type", "dxa").Close();
    x_.Close();
    x_.Close();  // tblPr
    x_.Open("w:tblGrid").Empty("w:gridCol", "w:w", std::to_string(kTextWidth));
    x_.Close();
    x_.Open("w:tr").Open("w:trPr").Empty("w:cantSplit").Close();
    x_.Open("w:tc").Open("w:tcPr");
    x_.Open("w:tcW").Attr("w:w", kTextWidth).Attr("w:type", "dxa").Close();
    x_.Close();
    std::vector<xmlNode*> lines = Children(n);
    for (size_t i = 0; i < lines.size(); ++i) {
      ParaStyle style;
      style.line = 0;
      style.off_grid = true;
      style.before = 60;
      style.after = 60;
      if (i + 1 < lines.size()) {
        style.rule_below = "000000";
        style.rule_size = 6;
      }
      RunStyle run;
      run.size = kSmallSize;
      if (!LeftAndRight(lines[i], style, run, 280)) {
        style.left_chars = 100;
        style.right_chars = 100;
        Paragraph(style, Runs(lines[i], run));
      }
    }
    x_.Close().Close();  // tc, tr
    x_.Close();          // tbl
  }

  void Border(const char* side, int eighths, const char* color = "000000") {
    x_.Open(side)
        .Attr("w:val", "single")
        .Attr("w:sz", eighths)
        .Attr("w:space", 0)
        .Attr("w:color", color)
        .Close();
  }

  struct Row {
    xmlNode* node;
    bool header;
  };

  // Each column as wide as its longest text needs (4号 characters and some
  // padding), shrunk together to the 版心 when they need more; a receipt's
  // label column is eight characters.
  static std::vector<int> ColumnWidths(const std::vector<Row>& rows,
                                       size_t columns, bool label_column) {
    const int char_width = kSmallSize * 10;
    std::vector<double> need(columns, 2);
    for (const Row& r : rows) {
      std::vector<xmlNode*> cells = Children(r.node);
      for (size_t i = 0; i < cells.size() && i < columns; ++i)
        need[i] = std::max(need[i], Chars(PlainText(cells[i])) + 1.5);
    }
    if (label_column && columns > 1) {
      // A form: the label column eight characters, the rest for writing in.
      std::vector<int> widths(columns, (kTextWidth - 8 * char_width) /
                                           static_cast<int>(columns - 1));
      widths[0] = kTextWidth - (widths[1] * static_cast<int>(columns - 1));
      return widths;
    }
    double total = 0;
    for (double n : need) total += n * char_width;
    // Shared out in proportion to the need, to fill the 版心 exactly.
    std::vector<int> widths(columns);
    int used = 0;
    for (size_t i = 0; i < columns; ++i) {
      widths[i] = static_cast<int>(need[i] * char_width * kTextWidth / total);
      used += widths[i];
    }
    widths.back() += kTextWidth - used;
    return widths;
  }

  void Table(xmlNode* table) {
    std::vector<Row> rows;
    for (xmlNode* part : Children(table)) {
      if (Is(part, "tr")) rows.push_back({part, false});
      for (xmlNode* tr : Children(part))
        if (Is(tr, "tr")) rows.push_back({tr, Is(part, "thead")});
    }
    size_t columns = 0;
    bool label_column = false;
    for (const Row& r : rows) {
      std::vector<xmlNode*> cells = Children(r.node);
      columns = std::max(columns, cells.size());
      if (!cells.empty() && HasClass(cells[0], "label")) label_column = true;
    }
    if (columns == 0) return;
    std::vector<int> widths = ColumnWidths(rows, columns, label_column);
    x_.Open("w:tbl").Open("w:tblPr");
    x_.Open("w:tblW").Attr("w:w", kTextWidth).Attr("w:type", "dxa").Close();
    x_.Empty("w:jc", "w:val", "center");
    x_.Open("w:tblBorders");
    for (const char* side :
         {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
      Border(side, 4);
    x_.Close();
    x_.Close();  // tblPr
    x_.Open("w:tblGrid");
    for (int w : widths) x_.Empty("w:gridCol", "w:w", std::to_string(w));
    x_.Close();
    for (const Row& r : rows) {
      x_.Open("w:tr").Open("w:trPr");
      x_.Empty("w:cantSplit");
      if (r.header) x_.Empty("w:tblHeader");
      for (xmlNode* cell : Children(r.node)) {
        const double ems = HeightInEms(Attribute(cell, "style"));
        if (ems > 0) {
          x_.Open("w:trHeight")
              .Attr("w:val", static_cast<int>(ems * kSmallSize * 10))
              .Attr("w:hRule", "atLeast")
              .Close();
          break;
        }
      }
      x_.Close();  // trPr
      std::vector<xmlNode*> cells = Children(r.node);
      for (size_t i = 0; i < cells.size(); ++i) {
        x_.Open("w:tc").Open("w:tcPr");
        x_.Open("w:tcW")
            .Attr("w:w", widths[std::min(i, columns - 1)])
            .Attr("w:type", "dxa")
            .Close();
        x_.Empty("w:vAlign", "w:val", "center");
        x_.Close();
        ParaStyle style;
        style.line = 0;
        style.off_grid = true;
        const bool th = Is(cells[i], "th");
        style.align = th || HasClass(cells[i], "label") ? "center"
                      : HasClass(cells[i], "num")       ? "right"
                                                        : "left";
        RunStyle run;
        run.size = kSmallSize;
        if (th) run.font = kHei;
        Paragraph(style, Runs(cells[i], run));
        x_.Close();  // tc
      }
      x_.Close();  // tr
    }
    x_.Close();  // tbl
  }

  void Paragraph(ParaStyle style, const std::vector<Run>& runs) {
    if (page_break_pending_) {
      style.page_break_before = true;
      page_break_pending_ = false;
    }
    // CT_PPr's order: keepNext, pageBreakBefore, pBdr, tabs, snapToGrid,
    // spacing, ind, jc.
    x_.Open("w:p").Open("w:pPr");
    if (style.keep_next) x_.Empty("w:keepNext");
    if (style.page_break_before) x_.Empty("w:pageBreakBefore");
    if (style.rule_below != nullptr) {
      x_.Open("w:pBdr");
      Border("w:bottom", style.rule_size, style.rule_below);
      x_.Close();
    }
    if (style.right_tab > 0) {
      x_.Open("w:tabs")
          .Open("w:tab")
          .Attr("w:val", "right")
          .Attr("w:pos", style.right_tab)
          .Close()
          .Close();
    }
    if (style.off_grid) x_.Empty("w:snapToGrid", "w:val", "0");
    x_.Open("w:spacing")
        .Attr("w:before", style.before)
        .Attr("w:after", style.after);
    if (style.line > 0)
      x_.Attr("w:line", style.line).Attr("w:lineRule", "exact");
    else
      x_.Attr("w:line", 240).Attr("w:lineRule", "auto");
    x_.Close();
    if (style.first_line_chars > 0 || style.left_chars > 0 ||
        style.right_chars > 0) {
      x_.Open("w:ind");
      if (style.left_chars > 0)
        x_.Attr("w:leftChars", style.left_chars)
            .Attr("w:left", style.left_chars * kCharWidth / 100);
      if (style.right_chars > 0)
        x_.Attr("w:rightChars", style.right_chars)
            .Attr("w:right", style.right_chars * kCharWidth / 100);
      if (style.first_line_chars > 0)
        x_.Attr("w:firstLineChars", style.first_line_chars)
            .Attr("w:firstLine", style.first_line_chars * kCharWidth / 100);
      x_.Close();
    }
    x_.Empty("w:jc", "w:val", style.align != nullptr ? style.align : "both");
    x_.Close();  // pPr
    for (const Run& r : runs) WriteRun(r);
    x_.Close();  // p
  }

  void WriteRun(const Run& r) {
    x_.Open("w:r");
    const RunStyle& s = r.style;
    if (s.font != nullptr || s.size > 0 || s.bold || s.color != nullptr) {
      x_.Open("w:rPr");
      if (s.font != nullptr) {
        x_.Open("w:rFonts")
            .Attr("w:ascii", s.font)
            .Attr("w:hAnsi", s.font)
            .Attr("w:eastAsia", s.font)
            .Close();
      }
      if (s.bold) x_.Empty("w:b");
      if (s.color != nullptr) x_.Empty("w:color", "w:val", s.color);
      if (s.size > 0) {
        x_.Empty("w:sz", "w:val", std::to_string(s.size));
        x_.Empty("w:szCs", "w:val", std::to_string(s.size));
      }
      x_.Close();
    }
    if (r.text == "\n") {
      x_.Empty("w:br");
    } else if (r.text == "\t") {
      x_.Empty("w:tab");
    } else {
      x_.Open("w:t").Attr("xml:space", "preserve").Text(r.text).Close();
    }
    x_.Close();
  }

  void SectionProperties() {
    x_.Open("w:sectPr");
    x_.Open("w:footerReference")
        .Attr("w:type", "default")
        .Attr("r:id", "rIdFooterOdd")
        .Close();
    x_.Open("w:footerReference")
        .Attr("w:type", "even")
        .Attr("r:id", "rIdFooterEven")
        .Close();
    x_.Open("w:pgSz").Attr("w:w", kPageWidth).Attr("w:h", kPageHeight).Close();
    x_.Open("w:pgMar")
        .Attr("w:top", kMarginTop)
        .Attr("w:right", kMarginOutside)
        .Attr("w:bottom", kMarginBottom)
        .Attr("w:left", kMarginInside)
        .Attr("w:header", 851)
        .Attr("w:footer", kFooterDistance)
        .Attr("w:gutter", 0)
        .Close();
    x_.Open("w:docGrid")
        .Attr("w:type", "lines")
        .Attr("w:linePitch", kLine)
        .Close();
    x_.Close();
  }

  XmlPart x_;
  bool page_break_pending_ = false;
};

// "— 1 —": odd pages on the right, even ones on the left, one character in.
std::string Footer(bool odd) {
  XmlPart x;
  x.Open("w:ftr").Attr("xmlns:w", kWordNs);
  x.Open("w:p").Open("w:pPr");
  x.Open("w:ind")
      .Attr(odd ? "w:rightChars" : "w:leftChars", 100)
      .Attr(odd ? "w:right" : "w:left", kSmallSize * 10)
      .Close();
  x.Empty("w:jc", "w:val", odd ? "right" : "left");
  x.Close();
  auto run = [&](const std::string& text) {
    x.Open("w:r").Open("w:rPr");
    x.Open("w:rFonts")
        .Attr("w:ascii", kSong)
        .Attr("w:hAnsi", kSong)
        .Attr("w:eastAsia", kSong)
        .Close();
    x.Empty("w:sz", "w:val", std::to_string(kSmallSize));
    x.Close();
    x.Open("w:t").Attr("xml:space", "preserve").Text(text).Close();
    x.Close();
  };
  run("— ");
  x.Open("w:fldSimple").Attr("w:instr", " PAGE ");
  run("1");
  x.Close();
  run(" —");
  x.Close().Close();
  return x.Finish();
}

std::string Styles() {
  XmlPart x;
  x.Open("w:styles").Attr("xmlns:w", kWordNs);
  x.Open("w:docDefaults").Open("w:rPrDefault").Open("w:rPr");
  x.Open("w:rFonts")
      .Attr("w:ascii", kFangSong)
      .Attr("w:hAnsi", kFangSong)
      .Attr("w:eastAsia", kFangSong)
      .Attr("w:cs", kFangSong)
      .Close();
  x.Empty("w:sz", "w:val", std::to_string(kBodySize));
  x.Empty("w:szCs", "w:val", std::to_string(kBodySize));
  x.Open("w:lang").Attr("w:val", "en-US").Attr("w:eastAsia", "zh-CN").Close();
  x.Close().Close();
  x.Open("w:pPrDefault").Open("w:pPr");
  x.Open("w:spacing")
      .Attr("w:before", 0)
      .Attr("w:after", 0)
      .Attr("w:line", kLine)
      .Attr("w:lineRule", "exact")
      .Close();
  x.Close().Close();
  x.Close();  // docDefaults
  x.Open("w:style")
      .Attr("w:type", "paragraph")
      .Attr("w:default", "1")
      .Attr("w:styleId", "Normal");
  x.Empty("w:name", "w:val", "Normal");
  x.Close();
  x.Close();
  return x.Finish();
}

// The fonts with what they are like, so that a host without them (a Linux
// desktop with only Noto CJK) substitutes a serif for 仿宋 and 宋体 and a
// sans for 黑体.
std::string FontTable() {
  XmlPart x;
  x.Open("w:fonts").Attr("xmlns:w", kWordNs);
  const struct {
    const char* name;
    const char* alt;
    const char* family;
  } fonts[] = {{kFangSong, "仿宋", "roman"},
               {kXiaoBiaoSong, "华文中宋", "roman"},
               {kHei, "SimHei", "swiss"},
               {kKai, "楷体", "roman"},
               {kSong, "SimSun", "roman"}};
  for (const auto& f : fonts) {
    x.Open("w:font").Attr("w:name", f.name);
    x.Empty("w:altName", "w:val", f.alt);
    x.Empty("w:charset", "w:val", "86");
    x.Empty("w:family", "w:val", f.family);
    x.Empty("w:pitch", "w:val", "variable");
    x.Close();
  }
  x.Close();
  return x.Finish();
}

std::string Settings() {
  XmlPart x;
  x.Open("w:settings").Attr("xmlns:w", kWordNs);
  x.Empty("w:mirrorMargins");
  x.Empty("w:defaultTabStop", "w:val", std::to_string(2 * kCharWidth));
  x.Empty("w:evenAndOddHeaders");
  x.Empty("w:characterSpacingControl", "w:val", "compressPunctuation");
  x.Close();
  return x.Finish();
}

std::string ContentTypes() {
  const char* part =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  XmlPart x;
  x.Open("Types").Attr(
      "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  x.Open("Default")
      .Attr("Extension", "rels")
      .Attr("ContentType",
            "application/vnd.openxmlformats-package.relationships+xml")
      .Close();
  x.Open("Default")
      .Attr("Extension", "xml")
      .Attr("ContentType", "application/xml")
      .Close();
  const std::pair<const char*, std::string> overrides[] = {
      {"/word/document.xml", std::string(part) + "document.main+xml"},
      {"/word/styles.xml", std::string(part) + "styles+xml"},
      {"/word/settings.xml", std::string(part) + "settings+xml"},
      {"/word/fontTable.xml", std::string(part) + "fontTable+xml"},
      {"/word/footer1.xml", std::string(part) + "footer+xml"},
      {"/word/footer2.xml", std::string(part) + "footer+xml"},
      {"/docProps/core.xml",
       "application/vnd.openxmlformats-package.core-properties+xml"}};
  for (const auto& [name, type] : overrides)
    x.Open("Override").Attr("PartName", name).Attr("ContentType", type).Close();
  x.Close();
  return x.Finish();
}

std::string Relationships(
    const std::vector<std::pair<std::string, std::string>>& targets) {
  XmlPart x;
  x.Open("Relationships")
      .Attr("xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships");
  for (const auto& [id, target] : targets) {
    const std::string kind = target.substr(0, target.find('|'));
    x.Open("Relationship")
        .Attr("Id", id)
        .Attr("Type", kind)
        .Attr("Target", target.substr(target.find('|') + 1))
        .Close();
  }
  x.Close();
  return x.Finish();
}

std::string CoreProperties(const std::string& title) {
  XmlPart x;
  x.Open("cp:coreProperties")
      .Attr("xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/"
            "core-properties")
      .Attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
  x.Open("dc:title").Text(title).Close();
  x.Close();
  return x.Finish();
}

// A zip package built in memory with libzip.
Status Package(const std::vector<std::pair<const char*, std::string>>& parts,
               std::string* out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) {
    zip_error_fini(&error);
    return Status::Internal("docx: cannot make a zip buffer");
  }
  zip_source_keep(buffer);
  std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> owned(buffer,
                                                               zip_source_free);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (zip == nullptr) {
    zip_error_fini(&error);
    return Status::Internal("docx: cannot start the package");
  }
  for (const auto& [name, bytes] : parts) {
    zip_source_t* s = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    if (s == nullptr || zip_file_add(zip, name, s, ZIP_FL_ENC_UTF_8) < 0) {
      if (s != nullptr) zip_source_free(s);
      zip_discard(zip);
      zip_error_fini(&error);
      return Status::Internal(std::string("docx: cannot add ") + name);
    }
  }
  if (zip_close(zip) != 0) {
    zip_discard(zip);
    zip_error_fini(&error);
    return Status::Internal("docx: cannot finish the package");
  }
  zip_error_fini(&error);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0)
    return Status::Internal("docx: cannot read the package back");
  out->resize(static_cast<size_t>(st.size));
  const zip_int64_t got =
      out->empty() ? 0 : zip_source_read(buffer, &(*out)[0], st.size);
  zip_source_close(buffer);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
    return Status::Internal("docx: cannot read the package back");
  return Status::OK();
}

}  // namespace

Status HtmlToDocx(const std::string& html, std::string* docx) {
  htmlDocPtr doc = htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == nullptr)
    return Status::InvalidArgument("docx: the HTML document does not parse");
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> owned(doc, xmlFreeDoc);
  xmlNode* root = xmlDocGetRootElement(doc);
  xmlNode* body = root == nullptr ? nullptr : Find(root, "body");
  if (body == nullptr)
    return Status::InvalidArgument("docx: the HTML document has no body");
  xmlNode* title = Find(root, "title");
  const std::string name = title == nullptr ? "" : PlainText(title);
  const char* rel =
      "http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/";
  const std::string document = DocumentWriter().Write(body);
  return Package(
      {{"[Content_Types].xml", ContentTypes()},
       {"_rels/.rels",
        Relationships(
            {{"rId1", std::string(rel) + "officeDocument|word/document.xml"},
             {"rId2",
              "http://schemas.openxmlformats.org/package/2006/relationships/"
              "metadata/core-properties|docProps/core.xml"}})},
       {"word/document.xml", document},
       {"word/styles.xml", Styles()},
       {"word/settings.xml", Settings()},
       {"word/fontTable.xml", FontTable()},
       {"word/footer1.xml", Footer(true)},
       {"word/footer2.xml", Footer(false)},
       {"word/_rels/document.xml.rels",
        Relationships(
            {{"rIdStyles", std::string(rel) + "styles|styles.xml"},
             {"rIdSettings", std::string(rel) + "settings|settings.xml"},
             {"rIdFonts", std::string(rel) + "fontTable|fontTable.xml"},
             {"rIdFooterOdd", std::string(rel) + "footer|footer1.xml"},
             {"rIdFooterEven", std::string(rel) + "footer|footer2.xml"}})},
       {"docProps/core.xml", CoreProperties(name)}},
      docx);
}

}  // namespace chuangwen::internal

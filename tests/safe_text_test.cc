// CSV cells and file names made from text that plans and citizens wrote.
#include "common/safe_text.h"

#include <gtest/gtest.h>

namespace chuangwen::internal {
namespace {

TEST(SafeTextTest, CsvCellsThatSpreadsheetsWouldRunStayText) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"点击\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"");
  EXPECT_EQ(CsvField("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(CsvField("+86 138"), "'+86 138");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\t=1"), "'\t=1");
  // Numbers, including negative ones, are numbers.
  EXPECT_EQ(CsvField("-2.5"), "-2.5");
  EXPECT_EQ(CsvField("87.25"), "87.25");
  // Ordinary text, quoted only where RFC 4180 needs it.
  EXPECT_EQ(CsvField("市容科"), "市容科");
  EXPECT_EQ(CsvField("甲,乙"), "\"甲,乙\"");
  EXPECT_EQ(CsvField("说\"明\""), "\"说\"\"明\"\"\"");
  EXPECT_EQ(CsvRow({"名次", "=1+1", "3"}), "名次,'=1+1,3\r\n");
}

TEST(SafeTextTest, FileNamesStayInTheirFolder) {
  EXPECT_EQ(SafeFileName("单位档案-srk"), "单位档案-srk");
  EXPECT_EQ(SafeFileName("../../etc/passwd"), "_.._etc_passwd");
  EXPECT_EQ(SafeFileName(".."), "_");
  EXPECT_EQ(SafeFileName(""), "_");
  EXPECT_EQ(SafeFileName("a\nb\tc\x7f"), "abc");
  EXPECT_EQ(SafeFileName("C:\\x"), "C__x");
  EXPECT_EQ(SafeFileName("a*b?c\"d<e>f|g"), "a_b_c_d_e_f_g");
  // A right-to-left override would show "gpj.exe" as "exe.jpg".
  EXPECT_EQ(SafeFileName("photo\u202Egpj.exe"), "photogpj.exe");
  EXPECT_EQ(SafeFileName("x\u200Fy\u2066z"), "xyz");
  EXPECT_EQ(SafeFileName("CON"), "_CON");
  EXPECT_EQ(SafeFileName("nul.md"), "_nul.md");
  EXPECT_EQ(SafeFileName("com1"), "_com1");
  EXPECT_EQ(SafeFileName("CONSOLE"), "CONSOLE");
  EXPECT_EQ(SafeFileName("报告. "), "报告");
}

}  // namespace
}  // namespace chuangwen::internal

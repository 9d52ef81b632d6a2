"""Writes seed .docx packages for the .docx fuzz target into a folder: one
with automatic numbering and styles, one with a task table. Built here so
that no binary file has to be kept in the repository."""
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text, num=0, level=0):
    ppr = ""
    if num:
        ppr = ('<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/>'
               '</w:numPr></w:pPr>' % (level, num))
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, text)


def package(path, body, numbering=""):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml",
                   "<w:document %s><w:body>%s</w:body></w:document>" % (W, body))
        if numbering:
            z.writestr("word/numbering.xml",
                       "<w:numbering %s>%s</w:numbering>" % (W, numbering))


def lvl(i, fmt, text):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/>'
            '<w:lvlText w:val="%s"/></w:lvl>' % (i, fmt, text))


def main(out):
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, "chineseCounting", "%1、")
                 + lvl(1, "chineseCounting", "（%2）") + lvl(2, "decimal", "%3.")
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="2"/></w:lvlOverride></w:num>')
    body = (para("城东区2025年创建工作方案") + para("组织领导", 1, 0) + para("组长：程立")
            + para("重点任务", 1, 0) + para("整治市容", 1, 1) + para("清理广告", 1, 2)
            + para("牵头单位：区城管局"))
    package(out + "/numbered.docx", body, numbering)
    row = lambda cells: "<w:tr>" + "".join("<w:tc>%s</w:tc>" % para(c) for c in cells) + "</w:tr>"
    table = ("<w:tbl>" + row(["序号", "工作任务", "牵头单位", "配合单位"])
             + row(["1", "背街小巷整治", "区城管局", "各街道"]) + "</w:tbl>")
    package(out + "/table.docx", para("任务分解") + table)


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Writes running_header.fodt: a 6-page notice whose pages all carry a running
header (某某市人民政府规范性文件 …) and a 第N页 共M页 footer, the fixture for the PDF
extractor's furniture test. Make the PDF with:
  /usr/bin/python3 make_running_header_pdf.py && soffice --headless --convert-to pdf running_header.fodt
"""
import html
paras = []
paras.append(('T', '关于印发某某市科技创新券管理办法的通知'))
for i in range(1, 41):
    paras.append(('P', f'{i}. 对符合条件的科技型中小企业，按照实际支出的50%给予补助，单个企业年度补助最高不超过{i}0万元。申报材料由所在县（区）科技部门审核后报市科技局。'))
body = []
for kind, t in paras:
    style = 'Title' if kind == 'T' else 'Body'
    body.append(f'<text:p text:style-name="{style}">{html.escape(t)}</text:p>')
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="UMing" svg:font-family="'AR PL UMing CN'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="32pt" fo:line-height="28pt"/><style:text-properties style:font-name="UMing" fo:font-size="16pt" style:font-name-asian="UMing" style:font-size-asian="16pt"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="20pt"/><style:text-properties style:font-name="UMing" fo:font-size="22pt" style:font-name-asian="UMing" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="UMing" fo:font-size="10.5pt" style:font-name-asian="UMing" style:font-size-asian="10.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="20mm" fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/>
  <style:header-style><style:header-footer-properties fo:min-height="10mm" fo:margin-bottom="6mm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="10mm" fo:margin-top="6mm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">
 <style:header><text:p text:style-name="Head">某某市人民政府规范性文件　某科规〔2024〕2号</text:p></style:header>
 <style:footer><text:p text:style-name="Head">第 <text:page-number text:select-page="current">1</text:page-number> 页 共 <text:page-count>1</text:page-count> 页</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>{''.join(body)}</office:text></office:body></office:document>'''
open('running_header.fodt', 'w', encoding='utf-8').write(doc)

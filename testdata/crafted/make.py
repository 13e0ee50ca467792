#!/usr/bin/python3
"""Make testdata/crafted: files crafted from the sample year to fool a
reader, each pinned by a script in cmd/tally/testdata/script/crafted_*.txtar.

    /usr/bin/python3 testdata/crafted/make.py

Standard library only (zipfile, re): every file is one of the sample's,
its XML edited where the case must be crafted. See testdata/README.md.
"""
import os
import re
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, '..', 'submissions')


def rewrite(src, dst, edit):
    """Copy the package src to dst, each member's text through edit(name, text)."""
    zin = zipfile.ZipFile(os.path.join(SAMPLE, src))
    os.makedirs(os.path.dirname(os.path.join(HERE, dst)), exist_ok=True)
    with zipfile.ZipFile(os.path.join(HERE, dst), 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith('.xml') or info.filename.endswith('.rels'):
                text = edit(info.filename, data.decode('utf-8'))
                data = text.encode('utf-8')
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def to_period(old, new, saved):
    """An edit making a file of period old (2020-12) one of period new."""
    oy, om = old.split('-')
    ny, nm = new.split('-')

    def edit(name, text):
        text = text.replace('>' + old + '<', '>' + new + '<')
        text = text.replace('%s年%d月' % (oy, int(om)), '%s年%d月' % (ny, int(nm)))
        if name == 'docProps/core.xml':
            text = re.sub(r'(<dcterms:(created|modified)[^>]*>)[^<]*', r'\g<1>' + saved, text)
        return text
    return edit


# 1. A previous year's December among a year's returns (2019-12-tjz.xlsx):
# 2020-12's file relabelled 2019-12, its 规模以上企业 level set to the
# 2019 年报's 85 (they agree), its flows' 本年累计 unlike the 年报's.
base = to_period('2020-12', '2019-12', '2020-01-03T09:00:00Z')


def december_2019(name, text):
    text = base(name, text)
    if name == 'xl/worksheets/sheet5.xml':
        text = text.replace('<c r="C4" s="11"><v>94</v></c>', '<c r="C4" s="11"><v>85</v></c>')
    return text


rewrite('2020-12-tjz.xlsx', 'years/2019-12-tjz.xlsx', december_2019)
# 2. Only June of the previous year: nothing to compare with the 年报.
rewrite('2020-06-tjz.xlsx', 'years/2019-06-tjz.xlsx', to_period('2020-06', '2019-06', '2019-07-03T09:00:00Z'))


# 3. Two files for 财政所 2020-03: the sample's, saved 2020-04-03, and a
# re-sent one whose 税收收入 C4 is 999999 (its 合计 too) and whose
# docProps/core.xml says it was saved in 2099 — a wrong clock or a hand
# edit. An impossible save time must not make it count.
def future(name, text):
    if name == 'docProps/core.xml':
        text = re.sub(r'(<dcterms:(created|modified)[^>]*>)[^<]*', r'\g<1>2099-01-01T00:00:00Z', text)
    return text


rewrite('2020-03-czs.xlsx', 'future/2020-03-czs.xlsx', lambda n, t: t)
rewrite('2020-03-czs.xlsx', 'future/2020-03-czs-v2.xlsx', future)


# 4. A return without tally's fingerprint (its _tally sheet and custom
# properties gone, as a clerk's copy-and-paste into a fresh workbook
# leaves it) named 2020-03-czs.xlsx, whose titles say 2020年4月: its
# name is all that says its month, and the sheet says another.
def no_fingerprint_april(name, text):
    if name == 'xl/workbook.xml':
        text = re.sub(r'<sheet name="_tally"[^>]*>(</sheet>)?', '', text)
    if name == 'xl/_rels/workbook.xml.rels':
        text = re.sub(r'<Relationship Id="rId7"[^>]*>(</Relationship>)?', '', text)
    if name == '_rels/.rels':
        text = re.sub(r'<Relationship [^>]*custom-properties[^>]*>(</Relationship>)?', '', text)
    if name == '[Content_Types].xml':
        text = re.sub(r'<Override PartName="/(xl/worksheets/sheet4|docProps/custom)\.xml"[^>]*>(</Override>)?', '', text)
    if name == 'xl/sharedStrings.xml':
        text = text.replace('2020年3月', '2020年4月')
    return text


def drop(members):
    """An edit that also leaves out the named members."""
    def run(src, dst, edit):
        zin = zipfile.ZipFile(os.path.join(SAMPLE, src))
        os.makedirs(os.path.dirname(os.path.join(HERE, dst)), exist_ok=True)
        with zipfile.ZipFile(os.path.join(HERE, dst), 'w', zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename in members:
                    continue
                data = edit(info.filename, zin.read(info.filename).decode('utf-8')).encode('utf-8')
                zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zout.writestr(zi, data)
    return run


drop({'xl/worksheets/sheet4.xml', 'docProps/custom.xml'})('2020-03-czs.xlsx', 'period/2020-03-czs.xlsx', no_fingerprint_april)

"""Fill a workbook in LibreOffice, as a person would, and save it as xlsx.

usage: python3 lo_fill.py IN.xlsx OUT.xlsx FILL.json PROFILE_DIR [INSERT.json]

FILL.json is {"Sheet": {"C4": "120.5", "A4": "天津甲科技有限公司", ...}}. Each
value is entered as typing does: into a cell formatted as text (@) it stays
text, elsewhere it is parsed the way the input line parses it (setFormula).
LibreOffice recalculates and saves the cached results of the formulas, as
Calc does when a user saves.

INSERT.json, when given, is [["Sheet", 3], ...]: before filling, a row is
inserted at each 0-based row index (3 is above row 4), as Insert Rows
Above does, in a sheet the template lets a user insert rows in (its
protection is lifted for the API, which does not read that allowance).
Calc moves the formulas' ranges as Excel does.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    src, dst, fill, profile = sys.argv[1:5]
    inserts = []
    if len(sys.argv) > 5:
        with open(sys.argv[5], encoding="utf-8") as f:
            inserts = json.load(f)
    pipe = "tally%d" % os.getpid()
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore", "--nologo",
        "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
        "--accept=pipe,name=%s;urp;" % pipe,
    ])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        for sheet, at in inserts:
            ws = doc.Sheets.getByName(sheet)
            ws.unprotect("")
            ws.Rows.insertByIndex(at, 1)
        with open(fill, encoding="utf-8") as f:
            for sheet, cells in json.load(f).items():
                ws = doc.Sheets.getByName(sheet)
                for ref, text in cells.items():
                    cell = ws.getCellRangeByName(ref)
                    if doc.NumberFormats.getByKey(cell.NumberFormat).FormatString == "@":
                        cell.setString(text)
                    else:
                        cell.setFormula(text)
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away as LibreOffice quits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()

// The SheetJS peer of tally's bench (go run ./internal/bench): reads the
// data sheet (数据) of every .xlsx in a folder with the xlsx package, as its
// documentation suggests for reading values fast (only that sheet, no
// formatted text, no HTML), and sums the figures of the data rows — from the
// row under the header to the row before 合计 — in the given columns.
//
//   node sum.js DIR 2,3,4
const fs = require("fs");
const path = require("path");
const XLSX = require("xlsx");

const dir = process.argv[2];
const cols = process.argv[3].split(",").map(Number);
const firstDataRow = 3; // 0-based: two title rows and the header above it

let total = 0;
for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx")).sort()) {
  const wb = XLSX.readFile(path.join(dir, name), { sheets: "数据", cellText: false, cellHTML: false });
  const rows = XLSX.utils.sheet_to_json(wb.Sheets["数据"], { header: 1, raw: true, range: firstDataRow, blankrows: false });
  for (let r = 0; r < rows.length - 1; r++) { // the last is 合计
    const row = rows[r];
    for (const c of cols) {
      const v = row[c];
      if (typeof v === "number") total += v;
      else if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) total += Number(v);
    }
  }
}
console.log(total.toFixed(2));

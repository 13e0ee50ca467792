package workbook

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"golang.org/x/text/width"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jingwu/tally/reconcile"
)

// FingerprintSheet is the very hidden sheet tally's templates carry: which
// template, department, period and layout a file was made from. The same
// is kept as custom document properties, since some programs drop one
// carrier or the other.
const FingerprintSheet = "_tally"

// TemplateVersion names the current template format in the fingerprint.
const TemplateVersion = "tally-template/1"

// Fingerprint is what a template says about itself.
type Fingerprint struct {
	Template   string // "tally-template/1"
	Department string
	Period     string
	Layout     string // hash of the spec parts that shape the layout
	// Carries are the template's carried 本年累计 figures, by sheet and
	// cell (本年累计!D4): last month's, which the cell's formula adds
	// this month's 本月 to.
	Carries map[string]Carried
}

// Carried is a carried 本年累计 as the fingerprint keeps it: the row's name
// then, the figure, and the row's credit code as prefilled ("" for none,
// and in a template written before the fingerprint kept it).
type Carried struct {
	Name  string
	Value reconcile.Num
	Code  string
}

// carryKey begins a fingerprint line that keeps a carried 本年累计.
const carryKey = "carry"

// MaxCarries bounds the carried 本年累计 figures read from a fingerprint
// (a template has one per row and 本年累计 column of the department's last
// return); a cell past it is not checked against its carried figure.
const MaxCarries = 200_000

// Any extension: a return sent as 2020-03-czs.xls, .et, .csv or .docx is
// 财政所's March, unreadable (saying what the file is), not missing.
var fileName = regexp.MustCompile(`(?i)^(\d{4}(?:-\d{2})?)-([a-z0-9]+)\.[a-z0-9]+$`)

// ReadFile reads one submission from disk, whole: its rows are held in
// the Submission, up to Limits.MaxRowsPerFile data rows (a file with more
// is refused; Stream reads any number). The file is opened read-only and
// never modified; its SHA-256 is taken from the same bytes that are read.
func ReadFile(path, display string, s *reconcile.Spec, lim Limits) reconcile.Submission {
	return readFile(path, display, s, lim, &stream{maxHeld: lim.filled().MaxRowsPerFile})
}

// ReadHeld reads one submission from disk whole, as ReadFile does, unless
// it has more than maxRows data rows: then it returns false, having held
// no more than that, and the file is for Stream.
func ReadHeld(path, display string, s *reconcile.Spec, lim Limits, maxRows int) (reconcile.Submission, bool) {
	st := &stream{maxHeld: maxRows}
	sub := readFile(path, display, s, lim, st)
	return sub, !st.tooMany
}

// Stream reads one submission from disk into the ledger row by row, so no
// more than one row of it is held whatever its size (reconcile.Begin). A
// file found unreadable partway — a damaged zip member, malformed XML, a
// limit — leaves nothing of its rows in the run: it is added as
// unreadable, with the cause. The ledger must not be used by anyone else
// meanwhile. The error is the ledger's (its detail could not be kept).
func Stream(path, display string, s *reconcile.Spec, lim Limits, l *reconcile.Ledger) (err error) {
	st := &stream{ledger: l}
	defer func() {
		if p := recover(); p != nil {
			if st.fr != nil {
				st.fr.Abort() // the caller reports the panic as the file's finding
			}
			panic(p)
		}
	}()
	sub := readFile(path, display, s, lim, st)
	switch {
	case st.skipped:
		return nil
	case st.fr == nil:
		l.Add(&sub) // unreadable or unidentified before any row
		return nil
	case sub.Unreadable:
		st.fr.Abort()
		l.Add(&sub)
		return nil
	}
	for _, f := range sub.Findings {
		st.fr.Finding(f)
	}
	return st.fr.Commit()
}

func readFile(path, display string, s *reconcile.Spec, lim Limits, st *stream) reconcile.Submission {
	sub := reconcile.Submission{File: display}
	f, info, err := openRegular(path)
	if err != nil {
		return unreadable(identifyByName(sub, filepath.Base(path), s), err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, lim.MaxFileBytes+1))
	if err != nil {
		return unreadable(identifyByName(sub, filepath.Base(path), s), &FileError{osCause(err), err}) // said under 无法读取文件：
	}
	sub.SHA256 = hex.EncodeToString(h.Sum(nil))
	if whileReading != nil {
		whileReading(path)
	}
	sub = read(sub, f, info.Size(), filepath.Base(path), s, lim, st)
	// A file still being written or copied (a download in progress, a
	// department saving over it) is read as whatever it was at each
	// moment: its hash, its size and its rows would be of different
	// bytes. It is refused, to be read again once complete.
	if now, err := f.Stat(); err == nil && (n != info.Size() && info.Size() <= lim.filled().MaxFileBytes ||
		now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime())) {
		if sub.Department == "" {
			sub = identifyByName(sub, filepath.Base(path), s)
		}
		return unreadable(sub, errChanging)
	}
	return sub
}

// errChanging says a file changed while tally read it.
var errChanging = fileErr("文件在读取过程中被改动（可能仍在写入或复制），未汇总；请等写入完成后重新运行",
	"the file changed while it was read (still being written or copied?) and was not consolidated; run again once it is complete", nil)

// whileReading, when set (by a test), is called between hashing a file
// and reading it: a writer at work on it.
var whileReading func(path string)

// Read reads a submission from r, whole (as ReadFile). sub carries the
// file's display name and hash; base is the file's own name, used when it
// has no fingerprint.
func Read(sub reconcile.Submission, r io.ReaderAt, size int64, base string, s *reconcile.Spec, lim Limits) reconcile.Submission {
	return read(sub, r, size, base, s, lim, &stream{maxHeld: lim.filled().MaxRowsPerFile})
}

func read(sub reconcile.Submission, r io.ReaderAt, size int64, base string, s *reconcile.Spec, lim Limits, st *stream) reconcile.Submission {
	if isODS(r, size) {
		return readODS(sub, r, size, base, s, lim, st)
	}
	x, err := openXLSX(r, size, lim)
	if err != nil {
		sub = identifyByName(sub, base, s)
		return unreadable(sub, refineOpen(err, base))
	}
	sub.Saved, sub.Modified, sub.SavedLocal = x.saved()
	fp, hasFP := x.fingerprint()
	return readTables(sub, x, fp, hasFP, base, s, st)
}

// stream is where a file's rows go as the reader finds them: held in the
// Submission (ledger nil), at most maxHeld of them when maxHeld > 0, or
// into the ledger as they come, with the reader's findings, one row at a
// time.
type stream struct {
	ledger  *reconcile.Ledger
	maxHeld int
	held    int  // rows held by the sheets before the current one
	tooMany bool // past maxHeld: the read stopped
	skipped bool // the ledger did not want the file's rows
	fr      *reconcile.FileRead
	sr      *reconcile.SheetRead
	// template: the fingerprint says the file is tally's template, whose
	// own formulas tally computes (formula.go).
	template bool
	// carries are the template's carried 本年累计 figures (Fingerprint).
	carries map[string]Carried
	// texts gathers the sheet's number_as_text notes into runs, one
	// note a run (reconcile.TextRuns).
	texts reconcile.TextRuns
}

// gatherTexts moves the number_as_text notes among the findings from
// start on into their runs, appending the runs they end.
func (st *stream) gatherTexts(sub *reconcile.Submission, start int) {
	if len(sub.Findings) == start {
		return // the usual row: nothing found, nothing to gather
	}
	kept, ended := sub.Findings[:start], []reconcile.Finding(nil)
	emit := func(f reconcile.Finding) { ended = append(ended, f) }
	for _, f := range sub.Findings[start:] {
		if !st.texts.Add(f, emit) {
			kept = append(kept, f)
		}
	}
	clear(sub.Findings[len(kept):])
	sub.Findings = append(kept, ended...)
}

// endTexts appends the sheet's open runs of number_as_text notes.
func (st *stream) endTexts(sub *reconcile.Submission) {
	st.texts.End(func(f reconcile.Finding) { sub.Findings = append(sub.Findings, f) })
}

// errTooManyRows stops a held read past its rows.
var errTooManyRows = errors.New("too many rows to hold")

// begin starts the file in the ledger once it is identified; it reports
// false when the ledger wants none of its rows.
func (st *stream) begin(sub *reconcile.Submission) bool {
	if st.ledger == nil {
		return true
	}
	st.fr = st.ledger.Begin(sub)
	if st.fr == nil {
		st.skipped = true
		return false
	}
	sub.Findings = sub.Findings[:0]
	return true
}

// flush passes on what the reader has found since the last flush: the
// findings, and the rows and 合计 of sh (nil between sheets). A held read
// keeps them, up to its limit.
func (st *stream) flush(sub *reconcile.Submission, sh *reconcile.Sheet) error {
	if st.fr == nil {
		if sh != nil && st.maxHeld > 0 && st.held+len(sh.Rows) > st.maxHeld {
			st.tooMany = true
			return fileErr(fmt.Sprintf("文件中的数据行超过 %d 行的上限（工作表“%s”第 %d 行）", st.maxHeld, sh.Name, sh.Rows[len(sh.Rows)-1].Line),
				fmt.Sprintf("the file has more than %d data rows (the limit; at row %d of sheet %s)", st.maxHeld, sh.Rows[len(sh.Rows)-1].Line, sh.Name), errTooManyRows)
		}
		return nil
	}
	for _, f := range sub.Findings {
		st.fr.Finding(f)
	}
	sub.Findings = sub.Findings[:0]
	if sh != nil && st.sr != nil {
		if sh.Total != nil && !st.sr.HasTotal() {
			st.sr.Total(sh.Total)
		}
		for _, s := range sh.Subtotals {
			st.sr.Subtotal(s)
		}
		sh.Subtotals = sh.Subtotals[:0]
		for i := range sh.Rows {
			st.sr.Row(&sh.Rows[i])
		}
		sh.Rows = sh.Rows[:0]
	}
	return nil
}

// readTables identifies an opened workbook (by its fingerprint, else its
// name) and reads every table its department owes for its period.
func readTables(sub reconcile.Submission, x sheetScanner, fp Fingerprint, hasFP bool, base string, s *reconcile.Spec, st *stream) reconcile.Submission {
	byName := identifyByName(reconcile.Submission{}, base, s)
	switch {
	case hasFP:
		p, perr := reconcile.ParsePeriod(fp.Period)
		if _, ok := s.Department(fp.Department); !ok || perr != nil {
			return unknown(sub, reconcile.Text{fmt.Sprintf("模板标记中的填报单位“%s”或报告期“%s”无法识别", fp.Department, fp.Period),
				fmt.Sprintf("fingerprint names department %q and period %q", fp.Department, fp.Period)})
		}
		sub.Department, sub.Period, sub.Template = fp.Department, p, fp.Template
	default:
		sub.Department, sub.Period = byName.Department, byName.Period
		if sub.Department == "" {
			return unknown(sub, reconcile.Text{"文件不是由 tally 模板生成的，文件名也不是“报告期-单位代码.xlsx”（如 2021-06-czs.xlsx）",
				"no tally fingerprint, and the name is not <period>-<department>.xlsx"})
		}
	}
	d, _ := s.Department(sub.Department)
	st.template = hasFP
	if hasFP {
		st.carries = fp.Carries
		sub.TemplateRows = templateRows(fp.Carries)
	}
	sub.Findings = append(sub.Findings, checkFingerprint(sub, fp, hasFP, byName, d, s)...)
	if !st.begin(&sub) {
		return sub
	}
	tables := d.TablesFor(sub.Period)
	others, renamed, err := otherSheets(x, tables)
	if err != nil {
		return unreadable(sub, err)
	}
	for _, t := range tables {
		si, ok := x.sheet(t.Sheet)
		if !ok {
			sub.Findings = append(sub.Findings, missingSheet(sub, t.Sheet, renamed))
			continue
		}
		sh, err := readSheet(&sub, x, si, t, s, st)
		if err != nil {
			return unreadable(sub, err)
		}
		if sh != nil && si.hidden && sh.Cells.Values > 0 {
			// The department's own table in a hidden sheet: read and
			// consolidated, and on no one's screen when the file is opened.
			sub.Findings = append(sub.Findings, finding(sub, reconcile.Source{File: sub.File, Sheet: si.name},
				reconcile.RuleHiddenSheet, reconcile.Warning, "", reconcile.Fields{"sheet": si.name, "figures": sh.Cells.Values}))
		}
		if sh != nil && st.fr == nil {
			sub.Sheets = append(sub.Sheets, *sh)
			st.held += len(sh.Rows)
		}
	}
	for _, o := range others {
		sub.Findings = append(sub.Findings, finding(sub, reconcile.Source{File: sub.File, Sheet: o.si.name, Cell: o.first},
			reconcile.RuleOtherSheet, reconcile.Warning, "", reconcile.Fields{"sheet": o.si.name, "figures": o.figures, "seen": sheetSeen(o.si), "todo": o.todo}))
	}
	return sub
}

// missingSheet is the finding of a table's sheet the file lacks: at the
// sheet that is most likely it renamed, when there is one (one problem,
// one finding), else at the missing sheet's name.
func missingSheet(sub reconcile.Submission, sheet string, renamed *otherSheet) reconcile.Finding {
	if renamed == nil || renamed.missing != sheet {
		return finding(sub, reconcile.Source{File: sub.File, Sheet: sheet},
			reconcile.RuleMissingSheet, reconcile.Error, "", reconcile.Fields{"sheet": sheet, "renamed": reconcile.Text{"", ""}})
	}
	o := renamed
	seen := sheetSeen(o.si)
	return finding(sub, reconcile.Source{File: sub.File, Sheet: o.si.name, Cell: o.first},
		reconcile.RuleMissingSheet, reconcile.Error, "", reconcile.Fields{"sheet": sheet, "renamed": reconcile.Text{
			fmt.Sprintf("，“%s”%s很可能是它改了名：其中 %d 个数字未读取、未汇总；请改回原工作表名“%s”后重新报送", o.si.name, seen[0], o.figures, sheet),
			fmt.Sprintf("; \"%s\"%s is most likely it renamed: its %d figures were not read or consolidated; rename it back to \"%s\" and send it again", o.si.name, seen[1], o.figures, sheet)}})
}

// templateSheets are the sheets a template has besides its tables.
var templateSheets = map[string]bool{"填报说明": true, "_lists": true, FingerprintSheet: true}

// otherSheet is a sheet of figures that is none of the department's
// tables (a sheet added or pasted into, or a table's sheet renamed).
type otherSheet struct {
	si      sheetInfo
	figures int
	first   string // the cell of its first figure
	todo    reconcile.Text
	missing string // the table's sheet it most likely is, renamed
}

// otherSheets finds the figures in sheets that are none of the
// department's tables: they are not read, and a figure must not go
// nowhere unsaid. When one table's sheet is missing and one such sheet
// holds figures, that sheet is most likely the table renamed: it is
// returned as renamed, and said in the missing sheet's one finding; the
// others are each an other_sheet warning.
func otherSheets(x sheetScanner, tables []*reconcile.Table) (others []otherSheet, renamed *otherSheet, err error) {
	var all []sheetInfo
	switch v := x.(type) {
	case *xlsx:
		all = v.sheets
	case *ods:
		all = v.sheets
	}
	own := map[string]bool{}
	var missing []string // the tables' sheets the file lacks
	for _, t := range tables {
		own[t.Sheet] = true
		if _, ok := x.sheet(t.Sheet); !ok {
			missing = append(missing, t.Sheet)
		}
	}
	// What to do: a sheet of figures beside one table's missing sheet is
	// most likely that table renamed, and the clerk is told its name.
	todo := reconcile.Text{"请把数据填入模板的工作表", "type them into the template's sheets"}
	if len(missing) == 1 {
		todo = reconcile.Text{"如是本单位的“" + missing[0] + "”表改了名，请改回原工作表名“" + missing[0] + "”后重新报送；否则请把数据填入模板的工作表",
			"if it is your table \"" + missing[0] + "\" renamed, rename it back to \"" + missing[0] + "\" and send it again; otherwise type them into the template's sheets"}
	}
	for _, si := range all {
		if own[si.name] || templateSheets[si.name] {
			continue
		}
		n, first := 0, ""
		err := x.scan(si, func(_ int, _ bool, cells []rawCell) error {
			for i := range cells {
				if c := &cells[i]; (c.Type == "" || c.Type == "n") && !c.Date && c.Value != "" {
					if n++; first == "" {
						first = c.Ref
					}
				}
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if n > 0 {
			others = append(others, otherSheet{si: si, figures: n, first: first, todo: todo})
		}
	}
	if len(missing) == 1 && len(others) == 1 {
		others[0].missing = missing[0]
		return nil, &others[0], nil
	}
	return others, nil, nil
}

// copySuffix is what a browser, a chat program or a file manager adds to
// the name of a second copy of a file: "2020-02-ldbz (1)", "…(2)",
// "… - 副本", "… - Copy (2)" (after width.Narrow, so （1） too).
var copySuffix = regexp.MustCompile(`(?i)(\s*\(\d{1,3}\)|\s*-\s*(副本|copy)(\s*\(\d{1,3}\))?)$`)

// NameIdentity reads <period>-<dept>.xlsx (or any other extension: a return sent as .csv or .docx is still that month's): the period and department code a
// file's name gives, if it has that form.
//
// The name is read as a clerk reads it: full-width digits, letters and
// hyphens (２０２０－０３－ｌｄｂｚ, typed with a Chinese input method on) as
// their ASCII forms, and spaces around it or before its extension
// ("2020-03-ldbz .xlsx") left out. Such a file was unidentified, and its
// month 未报送. So is a copy's suffix (copySuffix): "2020-02-ldbz(1).xlsx",
// downloaded twice, is 劳动保障所's February.
func NameIdentity(base string) (reconcile.Period, string, bool) {
	n := width.Narrow.String(base)
	ext := filepath.Ext(n)
	n = strings.Trim(strings.TrimSuffix(n, ext), spaces)
	n = copySuffix.ReplaceAllString(n, "") + strings.Trim(ext, spaces)
	m := fileName.FindStringSubmatch(n)
	if m == nil {
		return reconcile.Period{}, "", false
	}
	p, err := reconcile.ParsePeriod(m[1])
	return p, strings.ToLower(m[2]), err == nil
}

// scanName reads the period and department a scan's or a document's name
// starts with, the rest of it words (2020-02-czs盖章.pdf,
// 2020-02-czs-盖章.jpg): a stamped copy sent with the return is named so.
// Only for such formats: a spreadsheet so named may be a draft, read by
// its content or not at all.
var scanName = regexp.MustCompile(`(?i)^(\d{4}(?:-\d{2})?)-([a-z0-9]+)[^a-z0-9.]`)

// scanExts are the formats of a scan or a document sent with a return.
var scanExts = map[string]bool{".pdf": true, ".jpg": true, ".jpeg": true, ".png": true, ".tif": true, ".tiff": true, ".bmp": true,
	".gif": true, ".heic": true, ".doc": true, ".docx": true, ".wps": true, ".ofd": true}

func identifyByName(sub reconcile.Submission, base string, s *reconcile.Spec) reconcile.Submission {
	p, dept, ok := NameIdentity(base)
	if n := width.Narrow.String(base); !ok && scanExts[strings.ToLower(filepath.Ext(n))] {
		if m := scanName.FindStringSubmatch(n); m != nil {
			var err error
			p, err = reconcile.ParsePeriod(m[1])
			dept, ok = strings.ToLower(m[2]), err == nil
		}
	}
	if _, known := s.Department(dept); ok && known {
		sub.Department, sub.Period = dept, p
	}
	return sub
}

func finding(sub reconcile.Submission, src reconcile.Source, rule reconcile.Rule, sev reconcile.Severity, raw string, fields reconcile.Fields) reconcile.Finding {
	f := reconcile.Finding{Source: src, Rule: rule, Severity: sev, Raw: raw, Fields: fields, Department: sub.Department}
	if sub.Department != "" {
		f.Period = sub.Period.String()
	}
	return f
}

func unreadable(sub reconcile.Submission, err error) reconcile.Submission {
	reason := reconcile.Text{err.Error(), err.Error()}
	var fe *FileError
	if errors.As(err, &fe) {
		reason = reconcile.Text(fe.Reason)
	}
	// Whatever was found before the file failed is moot: nothing of it is used.
	sub.Unreadable, sub.Sheets = true, nil
	sub.Findings = []reconcile.Finding{finding(sub, reconcile.Source{File: sub.File}, reconcile.RuleUnreadable, reconcile.Error, "", reconcile.Fields{"reason": reason})}
	return sub
}

func unknown(sub reconcile.Submission, why reconcile.Text) reconcile.Submission {
	sub.Unreadable, sub.Department = true, ""
	sub.Findings = append(sub.Findings, finding(sub, reconcile.Source{File: sub.File}, reconcile.RuleUnknownFile, reconcile.Error, "", reconcile.Fields{"reason": why}))
	return sub
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// saved returns the date the file records as last modified (or else
// created), YYYY-MM-DD, from its core document properties, and the same
// moment as an RFC 3339 UTC timestamp when it parses as one.
func (x *xlsx) saved() (date, stamp string, local bool) {
	var core struct {
		Created  string `xml:"created"`
		Modified string `xml:"modified"`
	}
	if _, ok := x.parts["docProps/core.xml"]; !ok || x.decodePart("docProps/core.xml", &core) != nil {
		return "", "", false
	}
	return savedStamp(core.Modified, core.Created)
}

// beijing is the zone of the deadlines a spec names (the next month's
// deadline_day is a date in China, UTC+8 all year).
var beijing = time.FixedZone("UTC+8", 8*60*60)

// savedStamp picks the first of the dates given that a file records. The
// date is the day in Beijing when the time carries its zone (Excel and
// openpyxl write UTC: 2021-05-05T17:00:00Z is 6 May in the office), else
// the date as written (a time without a zone is the writer's local time,
// as LibreOffice writes it: local reports so).
func savedStamp(dates ...string) (date, stamp string, local bool) {
	for _, d := range dates {
		d = strings.TrimSpace(d)
		if m := isoDate.FindString(d); m != "" {
			t, err := time.Parse(time.RFC3339Nano, d)
			if err == nil {
				m = t.In(beijing).Format("2006-01-02")
			}
			return m, timestamp(d), err != nil
		}
	}
	return "", "", false
}

// timestamp normalises an ISO 8601 time to RFC 3339 in UTC; one without a
// zone (as LibreOffice writes) is taken as UTC.
func timestamp(s string) string {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
		}
	}
	return s
}

// customFingerprint reads the fingerprint from the custom document
// properties, for files whose fingerprint sheet a program dropped.
func (x *xlsx) customFingerprint() (Fingerprint, bool) {
	var props struct {
		Props []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"lpwstr"`
		} `xml:"property"`
	}
	if _, ok := x.parts["docProps/custom.xml"]; !ok || x.decodePart("docProps/custom.xml", &props) != nil {
		return Fingerprint{}, false
	}
	var fp Fingerprint
	for _, p := range props.Props {
		switch p.Name {
		case "tally.template":
			fp.Template = p.Value
		case "tally.department":
			fp.Department = p.Value
		case "tally.period":
			fp.Period = p.Value
		case "tally.layout":
			fp.Layout = p.Value
		}
	}
	return fp, fp.Department != "" && fp.Period != ""
}

// checkFingerprint says what a file is when it is not what tally expects:
// made for another department or period than its name says, from another
// version of the template, or not from a tally template at all. The last
// two are still read by their headers.
//
// Departments are named as people know them (科技科), by code only when the
// spec has no such department; template_department and template_period
// carry the template's own, for a caller that asked for another period
// (the desk's upload form).
func checkFingerprint(sub reconcile.Submission, fp Fingerprint, hasFP bool, byName reconcile.Submission, d *reconcile.Department, s *reconcile.Spec) []reconcile.Finding {
	name := func(code string) string {
		if dd, ok := s.Department(code); ok {
			return dd.Name
		}
		return code
	}
	src := reconcile.Source{File: sub.File}
	var out []reconcile.Finding
	if !hasFP {
		return append(out, finding(sub, src, reconcile.RuleNoFingerprint, reconcile.Warning, "", nil))
	}
	if nameConflicts(byName, fp.Department, sub.Period) {
		out = append(out, finding(sub, src, reconcile.RuleWrongTemplate, reconcile.Error, "",
			reconcile.Fields{"by_name": name(byName.Department) + " " + byName.Period.String(), "by_template": name(fp.Department) + " " + fp.Period,
				"template_department": fp.Department, "template_period": fp.Period}))
	}
	if fp.Template != TemplateVersion || fp.Layout != reconcile.LayoutHash(d) {
		out = append(out, finding(sub, src, reconcile.RuleOldTemplate, reconcile.Warning, fp.Layout, reconcile.Fields{"version": fp.Template, "layout": fp.Layout}))
	}
	return out
}

// nameConflicts reports whether a file's name (byName, as
// identifyByName reads it) says another department or period than its
// fingerprint: wrong_template, and Identity.NameConflict.
func nameConflicts(byName reconcile.Submission, dept string, p reconcile.Period) bool {
	return byName.Department != "" && (byName.Department != dept || byName.Period != p)
}

// fingerprint reads the fingerprint sheet, else the custom document
// properties.
func (x *xlsx) fingerprint() (Fingerprint, bool) {
	if fp, ok := sheetFingerprint(x); ok {
		return fp, true
	}
	return x.customFingerprint()
}

// oddHeader returns the one text cell of a header row that is none of the
// table's headers, or nil when there is none or more than one.
func oddHeader(t *reconcile.Table, cells []rawCell) *rawCell {
	known := map[string]bool{}
	for _, col := range t.Columns {
		known[reconcile.NormalizeHeader(col.Header)] = true
	}
	var odd *rawCell
	for i := range cells {
		c := &cells[i]
		if strings.TrimSpace(c.Value) == "" || known[reconcile.NormalizeHeader(c.Value)] {
			continue
		}
		if odd != nil {
			return nil
		}
		cp := *c
		odd = &cp
	}
	return odd
}

// headerScanRows is how far down a sheet tally looks for the header row.
const headerScanRows = 20

// readSheet reads one table: it finds the header row by matching the
// table's headers, then reads every row below it.
func readSheet(sub *reconcile.Submission, x sheetScanner, si sheetInfo, t *reconcile.Table, s *reconcile.Spec, st *stream) (*reconcile.Sheet, error) {
	sh := &reconcile.Sheet{Table: t, Name: si.name}
	var lay *layout
	var missing []string
	// odd is the one cell of the row that matches most of the headers
	// (the header row, edited) that is none of them: the header changed.
	var odd *rawCell
	var above []rawCell // figures before the header row
	headerRow := 0
	lines := lineIndex(t, s)
	maxFindings := findingsBound(x)
	st.texts = reconcile.TextRuns{}
	err := x.scan(si, func(row int, hidden bool, cells []rawCell) error {
		if lay != nil {
			start := len(sub.Findings)
			if lay.readRow(sub, sh, row, cells) != footerRow {
				lay.checkHidden(sub, sh, row, hidden, x.hidden, cells)
			}
			st.gatherTexts(sub, start)
			boundFindings(sub, maxFindings)
			return st.flush(sub, sh)
		}
		if row > headerScanRows {
			return errStop
		}
		sh.Cells.Read += len(cells)
		cols, miss := matchHeader(t, cells)
		if len(miss) == 0 {
			lay = newLayout(t, s, cols, lines, &sh.Cells, st)
			lay.header = row
			headerRow = row
			duplicateHeaders(sub, t, si.name, cols, cells)
			sh.Cells.Template += len(cells) // the header row
			// Figures typed above the header (the title rows) are read by
			// no one: reported like figures beside the table.
			for _, c := range above {
				sub.Findings = append(sub.Findings, finding(*sub, reconcile.Source{File: sub.File, Sheet: si.name, Cell: c.Ref},
					reconcile.RuleOutsideArea, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value}))
			}
			sh.Cells.Reported += len(above)
			above = nil
			if st.fr != nil {
				st.sr = st.fr.Sheet(t, si.name)
			}
			return st.flush(sub, nil)
		}
		for _, c := range cells {
			if (c.Type == "" || c.Type == "n") && !c.Date && c.Value != "" {
				above = append(above, c)
			} else {
				sh.Cells.Template++ // the title and the 填报单位 line
				statedPeriod(sub, si.name, &c)
			}
		}
		if len(miss) < len(t.Columns) && (missing == nil || len(miss) < len(missing)) {
			missing, odd = miss, oddHeader(t, cells)
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	if lay == nil {
		what := t.Columns[0].Header
		if len(missing) > 0 {
			what = missing[0]
		}
		src, found := reconcile.Source{File: sub.File, Sheet: si.name}, reconcile.Text{"", ""}
		if odd != nil && len(missing) == 1 {
			// One header not found and one cell of the header row that is
			// no header: that cell is it, edited.
			v := strings.ReplaceAll(odd.Value, "\n", "")
			src.Cell, found = odd.Ref, reconcile.Text{"（表头行的 " + odd.Ref + " 写的是“" + v + "”）", " (the header row's " + odd.Ref + " says \"" + v + "\")"}
		}
		sub.Findings = append(sub.Findings, finding(*sub, src,
			reconcile.RuleMissingColumn, reconcile.Error, "", reconcile.Fields{"header": strings.ReplaceAll(what, "\n", ""), "found": found}))
		return nil, st.flush(sub, nil)
	}
	st.endTexts(sub)
	boundFindings(sub, maxFindings)
	// Before checkMerged, whose second scan may stop before the ranges.
	sh.Merges = lay.valueMerges(x, headerRow)
	if err := lay.checkMerged(sub, sh, x, si, headerRow, maxFindings); err != nil {
		return nil, err
	}
	if err := lay.checkConditional(sub, sh, x, si, headerRow, maxFindings); err != nil {
		return nil, err
	}
	if st.sr != nil {
		// The sheet's findings before its end's checks, which look at
		// its runs of text figures (reconcile's skipsText).
		if err := st.flush(sub, nil); err != nil {
			return nil, err
		}
		st.sr.Merged(sh.Merges)
		st.sr.End(sh.Cells)
		st.sr = nil
		return sh, st.flush(sub, nil)
	}
	return sh, nil
}

// sheetSeen says, for a finding, whether a sheet is on the screen when the
// file is opened: a hidden one is not, and a very hidden one (veryHidden)
// cannot even be unhidden in Excel.
func sheetSeen(si sheetInfo) reconcile.Text {
	switch {
	case si.veryHidden:
		return reconcile.Text{"（该表被设为“非常隐藏”，在 Excel 中看不到，也无法取消隐藏）", " (very hidden: not seen in Excel, which offers no way to unhide it)"}
	case si.hidden:
		return reconcile.Text{"（该表被隐藏，打开文件时看不到）", " (hidden: not seen when the file is opened)"}
	}
	return reconcile.Text{"", ""}
}

// statedMonth is a month as a title states it: 2020年4月, not a day of it
// (截至2020年4月5日 is when, not which month) — checked by statedPeriod.
var statedMonth = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月`)

// statedPeriod reports a title cell above a table's header that states
// another month than the file is consolidated as (its fingerprint's, or
// its name's when it has none): a copy of last month's return with new
// figures and the old title, or a file named for the wrong month. The
// figures are consolidated as the file's month; which month they are is
// for the department to say. Once a file.
func statedPeriod(sub *reconcile.Submission, sheet string, c *rawCell) {
	if !sub.Period.IsMonth() || c.Type != "s" && c.Type != "inlineStr" && c.Type != "str" {
		return
	}
	t := width.Narrow.String(c.Value)
	for _, m := range statedMonth.FindAllStringSubmatchIndex(t, 2) {
		rest := strings.TrimLeft(t[m[1]:], " ")
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			continue // 2020年4月5日: a day
		}
		if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "~") || strings.HasPrefix(rest, "—") ||
			strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "至") || strings.HasPrefix(rest, "到") {
			return // 2020年1月-3月: a span, not one month
		}
		y, _ := strconv.Atoi(t[m[2]:m[3]])
		mo, _ := strconv.Atoi(t[m[4]:m[5]])
		p := reconcile.Period{Year: y, Month: mo}
		if mo < 1 || mo > 12 || p == sub.Period {
			return
		}
		for _, f := range sub.Findings {
			if f.Rule == reconcile.RulePeriodDiffers {
				return
			}
		}
		sub.Findings = append(sub.Findings, finding(*sub, reconcile.Source{File: sub.File, Sheet: sheet, Cell: c.Ref},
			reconcile.RulePeriodDiffers, reconcile.Warning, c.Value, reconcile.Fields{"stated": p.String(), "period": sub.Period.String()}))
		return
	}
}

// checkMerged reports the figures of an .xlsx sheet that merged cells
// cover (merged_cell): Excel and Calc show only the first cell of a merged
// range, and LibreOffice keeps what the other cells held when it merges
// them, so a figure can be consolidated that no one sees on the sheet. An
// .xlsx lists its merged ranges after the rows, so the sheet is read a
// second time, only when a range covers a value column below the header
// (a template merges only its title). An .ods marks covered cells where
// they stand (checkHidden).
func (l *layout) checkMerged(sub *reconcile.Submission, sh *reconcile.Sheet, x sheetScanner, si sheetInfo, headerRow, maxFindings int) error {
	mx, ok := x.(interface {
		mergedCells() []cellRange
		scanAgain(sheetInfo, func(int, bool, []rawCell) error) error
	})
	if !ok {
		return nil
	}
	// Per figure column, the ranges over it by first row, with the furthest
	// last row so far: a cell is looked up, not compared with every range
	// (a sheet may hold 65,536 of them).
	type over struct {
		r1, r2, c1 []int32
		rs         []cellRange
	}
	cover := map[int]*over{}
	last := int32(0)
	for ci, sc := range l.cols {
		if sc <= 0 || !l.value[ci] {
			continue
		}
		var o over
		var rs []cellRange
		for _, r := range mx.mergedCells() {
			if int(r.r2) > headerRow && int(r.c1) <= sc && sc <= int(r.c2) {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 {
			continue
		}
		sort.Slice(rs, func(a, b int) bool { return rs[a].r1 < rs[b].r1 })
		for i, r := range rs {
			m := r.r2
			if i > 0 {
				m = max(m, o.r2[i-1])
			}
			o.r1, o.r2, o.c1, o.rs = append(o.r1, r.r1), append(o.r2, m), append(o.c1, r.c1), append(o.rs, r)
			last = max(last, r.r2)
		}
		cover[sc] = &o
	}
	if len(cover) == 0 {
		return nil
	}
	// covered finds the range that covers a cell (not its first cell), for
	// the finding to name the cell the range shows.
	covered := func(col, row int) (cellRange, bool) {
		o := cover[col]
		if o == nil {
			return cellRange{}, false
		}
		i := sort.Search(len(o.r1), func(i int) bool { return int(o.r1[i]) > row }) - 1
		if i < 0 || int(o.r2[i]) < row {
			return cellRange{}, false
		}
		// The first cell of its range is shown, unless an earlier range
		// (merges may not overlap; a crafted file's may) reaches it.
		anchor := int(o.r1[i]) == row && int(o.c1[i]) == col
		if anchor && (i == 0 || int(o.r2[i-1]) < row) {
			return cellRange{}, false
		}
		// The range to name: the first that covers the cell, looked for
		// among a few (overlapping ranges are a crafted file's).
		for j := i; j >= 0 && j > i-64 && int(o.r2[j]) >= row; j-- {
			if r := o.rs[j]; r.covers(col, row) {
				return r, true
			}
		}
		return o.rs[i], true
	}
	err := mx.scanAgain(si, func(row int, _ bool, cells []rawCell) error {
		if row <= headerRow {
			return nil
		}
		if row > int(last) {
			return errStop
		}
		for i := range cells {
			c := &cells[i]
			ci, mapped := l.column(c.Col)
			if !mapped || !l.value[ci] || !hasFigure(c, l.units[ci]) {
				continue
			}
			r, ok := covered(c.Col, row)
			if !ok {
				continue
			}
			m := r.merged()
			sub.Findings = append(sub.Findings, finding(*sub, reconcile.Source{File: sub.File, Sheet: sh.Name, Cell: c.Ref},
				reconcile.RuleMergedCell, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value, "range": m.Ref(), "anchor": m.Anchor()}))
		}
		boundFindings(sub, maxFindings)
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return err
	}
	return nil
}

var errStop = errors.New("stop")

// merged is the range as reconcile names it.
func (r cellRange) merged() reconcile.MergedRange {
	return reconcile.MergedRange{Col1: int(r.c1), Row1: int(r.r1), Col2: int(r.c2), Row2: int(r.r2)}
}

// valueMerges lists the sheet's merged ranges that take in a value cell
// below the header: a blank cell one covers is merged_blank, said where
// the merge shows its first cell (SheetRead.Merged). At most maxMerges
// ranges, each compared with the table's columns.
func (l *layout) valueMerges(x sheetScanner, headerRow int) []reconcile.MergedRange {
	mx, ok := x.(interface{ mergedCells() []cellRange })
	if !ok {
		return nil
	}
	var out []reconcile.MergedRange
	for _, r := range mx.mergedCells() {
		if int(r.r2) <= headerRow {
			continue
		}
		for ci, sc := range l.cols {
			if sc > 0 && l.value[ci] && int(r.c1) <= sc && sc <= int(r.c2) {
				out = append(out, r.merged())
				break
			}
		}
	}
	return out
}

// lineIndex maps an indicator table's row labels (and its indicators'
// names) to line numbers.
func lineIndex(t *reconcile.Table, s *reconcile.Spec) map[string]int {
	lines := map[string]int{}
	for i, l := range t.Lines {
		lines[reconcile.NormalizeHeader(l.Label)] = i
		for _, code := range []string{l.Flow, l.Stock} {
			if def, ok := s.Indicator(code); ok {
				lines[reconcile.NormalizeHeader(def.Name)] = i
			}
		}
	}
	return lines
}

// matchHeader finds each table column's sheet column (1-based; 0 when
// absent) by header text, and lists the headers it could not find. The
// 说明 column is optional.
func matchHeader(t *reconcile.Table, cells []rawCell) ([]int, []string) {
	byText := map[string]int{}
	for _, c := range cells {
		// The first (leftmost) column of a header counts, where the
		// template has it; a second is duplicateHeaders's finding.
		if h := reconcile.NormalizeHeader(c.Value); byText[h] == 0 {
			byText[h] = c.Col
		}
	}
	cols := make([]int, len(t.Columns))
	var missing []string
	for i, col := range t.Columns {
		if sc, ok := byText[reconcile.NormalizeHeader(col.Header)]; ok {
			cols[i] = sc
		} else if col.Role != reconcile.RoleNote {
			missing = append(missing, col.Header)
		}
	}
	return cols, missing
}

// layout is a table's columns as found in one sheet.
type layout struct {
	t     *reconcile.Table
	s     *reconcile.Spec
	cols  []int   // table column → sheet column
	index []int32 // sheet column → table column + 1; 0 (or past its end) for none
	lines map[string]int
	byCol []*rawCell // scratch, per row
	// rowCells: the row being read, for a formula over its cells
	// (rowFormula)
	rowCells []rawCell
	// Per table column, worked out once per sheet: whether it is a value
	// column, its unit (to tell a figure from text) and, in an entity
	// table, its indicator's unit name.
	value []bool
	units []string
	// carry: per table column, the 本月 column the template's 本年累计
	// formula adds (-1: none); errCol: a data row's cell of the column was
	// no figure, or a formula error tally explained (a 合计 summing it
	// shows an error of its own); found: per column, the index in
	// sub.Findings of the current row's reader finding, -1 for none.
	carry    []int
	errCol   []bool
	found    []int
	deferred []bool // per row: a carried 本年累计, computed last
	// footerNoted: the sheet's text that is not data has had its note.
	footerNoted bool
	count       *reconcile.CellCount
	st          *stream // the file's: what is noted once per file
	header      int     // the header row: a sub-total sums rows below it
	// cells are the streamed rows' cells, one row at a time; chunk what is
	// left of the chunk held rows' cells are cut from (identity).
	cells, chunk []reconcile.Cell
}

func newLayout(t *reconcile.Table, s *reconcile.Spec, cols []int, lines map[string]int, count *reconcile.CellCount, st *stream) *layout {
	l := &layout{t: t, s: s, cols: cols, lines: lines, byCol: make([]*rawCell, len(cols)), count: count, st: st,
		value: make([]bool, len(cols)), units: make([]string, len(cols)),
		carry: carryColumns(t), errCol: make([]bool, len(cols)), found: make([]int, len(cols)), deferred: make([]bool, len(cols))}
	last := 0
	for _, sc := range cols {
		last = max(last, sc)
	}
	l.index = make([]int32, last+1)
	for ci, sc := range cols {
		if sc > 0 {
			l.index[sc] = int32(ci) + 1
		}
	}
	for ci := range t.Columns {
		l.value[ci] = t.Columns[ci].Role == reconcile.RoleValue
		if l.value[ci] {
			l.units[ci] = l.unitOf(ci)
		}
	}
	return l
}

// column returns the table column of a sheet column, if it is one.
func (l *layout) column(col int) (int, bool) {
	if col < len(l.index) {
		if ci := l.index[col]; ci > 0 {
			return int(ci) - 1, true
		}
	}
	return 0, false
}

var totalLabels = map[string]bool{"合计": true, "总计": true}

// subtotalLabel is the name of a 小计 row (小计, 本页小计, （小计）, 小计：工业),
// as NormalizeHeader leaves it.
var subtotalLabel = regexp.MustCompile(`^[（(【\[]?(本页|本表|分类)?小计`)

// checkHidden reports figures a reader of the sheet cannot see (in hidden
// rows or columns) and cells typed outside the table's columns, which are
// not consolidated. The row's 说明 explains them.
func (l *layout) checkHidden(sub *reconcile.Submission, sh *reconcile.Sheet, row int, hidden bool, hiddenCol func(int) bool, cells []rawCell) {
	note := ""
	if n := len(sh.Rows); n > 0 && sh.Rows[n-1].Line == row {
		note = sh.Rows[n-1].Note
	}
	for i := range cells {
		c := &cells[i]
		ci, mapped := l.column(c.Col)
		if mapped && (!l.value[ci] || !hidden && !hiddenCol(c.Col) && !c.Covered && c.Hides == 0) {
			continue // the common case, decided without a Source
		}
		src := reconcile.Source{File: sub.File, Sheet: sh.Name, Cell: c.Ref}
		var f reconcile.Finding
		switch {
		case !mapped:
			f = finding(*sub, src, reconcile.RuleOutsideArea, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value})
		case hidden:
			f = finding(*sub, src, reconcile.RuleHiddenCell, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value, "where": reconcile.Text{"行", "row"}})
		case hiddenCol(c.Col):
			f = finding(*sub, src, reconcile.RuleHiddenCell, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value, "where": reconcile.Text{"列", "column"}})
		case c.Covered && hasFigure(c, l.units[ci]):
			f = finding(*sub, src, reconcile.RuleMergedCell, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value})
		case formatHides(c):
			f = finding(*sub, src, reconcile.RuleFormatHides, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value})
		case c.Hides&hideByColor != 0 && hasFigure(c, l.units[ci]):
			f = finding(*sub, src, reconcile.RuleFontHides, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value})
		default:
			continue
		}
		f.Explanation = note
		sub.Findings = append(sub.Findings, f)
	}
}

// footerLabel matches what departments write under a table or in an empty
// row: who filled it in and checked it, a phone number, a date, a note. A
// short label needs a colon or a space after it, so 注塑厂 or 手机城 are
// names, not notes.
var footerLabel = regexp.MustCompile(`^(?:(?:` + alternatives(footerLong) + `)|(?:` + alternatives(footerShort) + `)(?:\s*[:：]|\s|$))`)

var (
	footerLong  = []string{"填表人", "填报人", "制表人", "审核人", "复核人", "单位负责人", "统计负责人", "主管领导", "分管领导", "联系人", "联系电话", "填报日期", "填表日期", "报送日期", "制表日期", "报出日期", "打印日期", "单位盖章", "以下空白", "以下无数据", "此行以下空白"}
	footerShort = []string{"注", "备注", "说明", "附注", "负责人", "审核", "制表", "电话", "手机", "日期", "盖章", "单位"}
	// footerFirst holds the first character of every label: a name that
	// starts with none of them (nearly every row's) is not one, without
	// running the expression.
	footerFirst = func() map[rune]bool {
		m := map[rune]bool{}
		for _, w := range append(append([]string(nil), footerLong...), footerShort...) {
			r, _ := utf8.DecodeRuneInString(w)
			m[r] = true
		}
		return m
	}()
)

func alternatives(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

// isFooterLabel reports whether a row's name is a footer's label
// (footerLabel).
func isFooterLabel(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return footerFirst[r] && footerLabel.MatchString(name)
}

// hasFigure reports whether a value cell holds something that reads as a
// figure: a stored number (a date is not one) or text that parses as one.
func hasFigure(rc *rawCell, unit string) bool {
	if rc == nil {
		return false
	}
	switch rc.Type {
	case "", "n":
		return !rc.Date && rc.Value != "" || rc.HasF && rc.Value == "" // a formula no program calculated
	case "s", "inlineStr", "str":
		_, blank, _, ok := ParseText(rc.Value, unit)
		return ok && !blank
	}
	return rc.HasF
}

// rowKind says what a row below the header is.
type rowKind int

const (
	blankRow  rowKind = iota // nothing in the table's columns
	dataRow                  // an entity or indicator line, or the 合计
	footerRow                // text that is not data: 填表人, 联系电话, notes
)

// classify tells a data row from text that is not data: a row with no
// figure in any value column is a footer when it is labelled as one
// (填表人：…, 注：…), has no name (only a note or other text), stands below
// the 合计 with nothing in its value columns, or, in an indicator table, is
// not one of its lines.
func (l *layout) classify(sh *reconcile.Sheet, name, code string, anyText bool) rowKind {
	figure := false
	for ci, v := range l.value {
		if v && hasFigure(l.byCol[ci], l.units[ci]) {
			figure = true
			break
		}
	}
	if !anyText && name == "" && !figure {
		return blankRow
	}
	if figure {
		return dataRow
	}
	switch {
	case isFooterLabel(name), name == "" && code == "":
		return footerRow
	case sh.Total != nil && !l.textInValues():
		return footerRow // a line of text under the 合计
	case l.t.Rows == reconcile.Indicators:
		if _, ok := l.lines[reconcile.NormalizeHeader(name)]; !ok {
			return footerRow
		}
	}
	return dataRow
}

// textInValues reports whether a value column of the row holds text: under
// the 合计, a named row with text where figures belong is a data row gone
// wrong (reported cell by cell), not a note.
func (l *layout) textInValues() bool {
	for ci, v := range l.value {
		if rc := l.byCol[ci]; v && rc != nil && strings.Trim(rc.Value, spaces) != "" {
			return true
		}
	}
	return false
}

// unitOf is the unit of a value column (of the indicator table's first
// line when the column's indicator depends on the line: any unit serves to
// tell a figure from text).
func (l *layout) unitOf(ci int) string {
	ind := l.t.Columns[ci].Indicator
	if ind == "" && len(l.t.Lines) > 0 {
		ind = l.t.IndicatorFor(l.t.Columns[ci], &l.t.Lines[0])
	}
	if def, ok := l.s.Indicator(ind); ok {
		return def.Unit.Name
	}
	return ""
}

// footer notes, once per sheet, the text that is not data (填表人 lines,
// notes): it is not read as rows, and nothing in it is a figure.
func (l *layout) footer(sub *reconcile.Submission, sh *reconcile.Sheet, row int, cells []rawCell) {
	if l.footerNoted {
		return
	}
	l.footerNoted = true
	c := cells[0]
	sub.Findings = append(sub.Findings, finding(*sub, reconcile.Source{File: sub.File, Sheet: sh.Name, Cell: c.Ref},
		reconcile.RuleFooter, reconcile.Info, c.Value, reconcile.Fields{"text": c.Value}))
}

// readRow reads one row below the header: a data row, the 合计 row, text
// that is not data (noted once per sheet), or a blank row (skipped:
// nothing in it to lose). It returns which it was.
func (l *layout) readRow(sub *reconcile.Submission, sh *reconcile.Sheet, row int, cells []rawCell) rowKind {
	t := l.t
	clear(l.byCol)
	for i := range cells {
		if ci, ok := l.column(cells[i].Col); ok {
			l.byCol[ci] = &cells[i]
		}
	}
	r, anyText := l.identity(sub, sh, row)
	kind := l.classify(sh, r.Name, r.Code, anyText || l.textBeside(cells))
	l.count.Read += len(cells)
	switch kind {
	case blankRow:
		// Cells beside the table are reported (outside_input_area); in
		// it, only blank text.
		for i := range cells {
			if _, ok := l.column(cells[i].Col); ok {
				l.count.Template++
			} else {
				l.count.Reported++
			}
		}
		return kind
	case footerRow:
		l.footer(sub, sh, row, cells)
		l.count.Reported += len(cells)
		return kind
	}
	// at is where the row's name is, for a finding about the row (made
	// only for one: a closure over r would move r to the heap).
	at := func() reconcile.Source { return rowSource(sub, sh, t, row, r.Cells) }
	isTotal := t.Rows != reconcile.Indicators && totalLabels[reconcile.NormalizeHeader(r.Name)]
	if isTotal && sh.Total != nil {
		// A second 合计 (总计 under 合计): the first is compared; this one
		// is reported, not read.
		sub.Findings = append(sub.Findings, finding(*sub, at(), reconcile.RuleSecondTotal, reconcile.Warning, r.Name, reconcile.Fields{"name": r.Name, "first_line": sh.Total.Line}))
		l.count.Reported += len(cells)
		return footerRow
	}
	// A 填表人 or 联系电话 line with a number in a figure column: the
	// number is not a figure of an entity.
	footerLike := !isTotal && t.Rows != reconcile.Indicators && isFooterLabel(r.Name)
	// A 小计 row, or one whose figures sum other rows (subtotal.go): not
	// data, its cells reported.
	if !isTotal && !footerLike && t.Rows != reconcile.Indicators && l.subtotal(sub, sh, row, r.Name, cells, at) {
		return footerRow
	}
	l.countRow(t, r.Name, cells)
	if sh.Total != nil && !isTotal && !footerLike {
		// Figures under the 合计 (a script's append, a late addition): read
		// and consolidated, but the sheet's own 合计 does not hold them.
		// A row without a name (a figure typed under the table) is said by
		// its number, not as “”.
		which := reconcile.Text{"“" + r.Name + "”这一行", "row \"" + r.Name + "\""}
		if strings.TrimSpace(r.Name) == "" {
			which = reconcile.Text{fmt.Sprintf("第 %d 行", row), fmt.Sprintf("row %d", row)}
		}
		sub.Findings = append(sub.Findings, finding(*sub, at(), reconcile.RuleBelowTotal, reconcile.Warning, r.Name,
			reconcile.Fields{"name": r.Name, "row": which, "done": reconcile.Text{"已汇总", "it was consolidated"}}))
	}
	if !isTotal && !footerLike && r.Note != "" && noteFigure(r.Note) {
		// A figure in the 说明 (1234.5 beside an empty 本月): kept as the
		// row's note, and said at its cell, since no total counts it.
		for ci := range t.Columns {
			if t.Columns[ci].Role == reconcile.RoleNote {
				sub.Findings = append(sub.Findings, finding(*sub, r.Cells[ci].Source, reconcile.RuleFigureInNote, reconcile.Info, r.Note,
					reconcile.Fields{"value": r.Note}))
				break
			}
		}
	}
	if t.Rows == reconcile.Indicators {
		n, ok := l.lines[reconcile.NormalizeHeader(r.Name)]
		if !ok {
			// Kept as a row so it is counted: the ledger rejects it.
			sub.Findings = append(sub.Findings, finding(*sub, r.Cells[0].Source, reconcile.RuleUnknownLine, reconcile.Error, r.Name, reconcile.Fields{"line": r.Name}))
			sh.Rows = append(sh.Rows, r)
			return dataRow
		}
		r.LineN = n
	}
	r.Footer = footerLike
	l.rowCells = cells
	l.readValues(sub, &r, isTotal, footerLike)
	if footerLike {
		sub.Findings = append(sub.Findings, finding(*sub, at(), reconcile.RuleFooterFigures, reconcile.Error, r.Name, reconcile.Fields{"name": r.Name}))
	}
	if isTotal {
		if l.st.fr != nil {
			r.Cells = slices.Clone(r.Cells) // kept with the sheet, past the next row
		}
		total := r // its own copy: &r would move every row to the heap
		sh.Total = &total
		return dataRow
	}
	sh.Rows = append(sh.Rows, r)
	return dataRow
}

// cellChunk is how many held rows' cells are made at once.
const cellChunk = 64

// rowSource is where a row's name is, for a finding about the row: its
// name cell, else column A of its line.
func rowSource(sub *reconcile.Submission, sh *reconcile.Sheet, t *reconcile.Table, row int, cells []reconcile.Cell) reconcile.Source {
	at := reconcile.Source{File: sub.File, Sheet: sh.Name, Cell: "A" + strconv.Itoa(row)}
	for ci := range t.Columns {
		if t.Columns[ci].Role == reconcile.RoleName && cells[ci].Cell != "" {
			at = cells[ci].Source
		}
	}
	return at
}

// identity reads a row's sources and its name, credit code and 说明, and
// whether any cell of the table's columns holds something.
func (l *layout) identity(sub *reconcile.Submission, sh *reconcile.Sheet, row int) (reconcile.Row, bool) {
	var cells []reconcile.Cell
	if l.st.fr != nil {
		// Streamed: the ledger has taken the row (copying what it keeps)
		// before the next one is read, so one buffer serves every row.
		if l.cells == nil {
			l.cells = make([]reconcile.Cell, len(l.t.Columns))
		}
		cells = l.cells
		clear(cells)
	} else {
		// Held: each row its own cells, cut from a chunk made for many
		// rows (one allocation per cellChunk rows, not one per row).
		n := len(l.t.Columns)
		if len(l.chunk) < n {
			l.chunk = make([]reconcile.Cell, n*cellChunk)
		}
		cells, l.chunk = l.chunk[:n:n], l.chunk[n:]
	}
	r := reconcile.Row{Line: row, Cells: cells, LineN: -1}
	anyText := false
	for ci := range l.t.Columns {
		c := &l.t.Columns[ci]
		src := reconcile.Source{File: sub.File, Sheet: sh.Name}
		rc := l.byCol[ci]
		switch {
		case rc != nil:
			src.Cell = rc.Ref // the same text, already made
		case l.cols[ci] > 0:
			src.Cell = cellRef(l.cols[ci], row)
		}
		r.Cells[ci].Source = src
		if c.Role == reconcile.RoleCode {
			// An empty code cell is still where the code belongs: its
			// finding names the cell, under its file.
			r.CodeSource = src
		}
		if rc == nil {
			continue
		}
		text := trimSpaces(rc.Value)
		switch c.Role {
		case reconcile.RoleName:
			r.Name = dropInvisible(text)
		case reconcile.RoleCode:
			r.Code = strings.ToUpper(reconcile.HalfWidth(dropInvisible(text)))
		case reconcile.RoleNote:
			r.Note = text
		}
		if text != "" || rc.HasF {
			anyText = true
		}
	}
	return r, anyText
}

// textBeside reports whether a row has cells beside the table's columns and
// none of them is a figure (a figure there is outside_input_area).
func (l *layout) textBeside(cells []rawCell) bool {
	outside := false
	for i := range cells {
		if _, ok := l.column(cells[i].Col); !ok {
			if hasFigure(&cells[i], "") {
				return false
			}
			outside = true
		}
	}
	return outside
}

// readValues reads the value cells of a data row or the 合计: each figure
// exactly, or a finding at its cell; a blank cell as blank. A 填表人
// line's numbers are not figures.
func (l *layout) readValues(sub *reconcile.Submission, r *reconcile.Row, isTotal, footerLike bool) {
	t := l.t
	carried := false
	var uncalc []reconcile.Finding // the 合计's formulas without a value
	for ci := range t.Columns {
		l.found[ci], l.deferred[ci] = -1, false
		if !l.value[ci] {
			continue
		}
		c := &t.Columns[ci]
		ind, unit := c.Indicator, l.units[ci]
		if t.Rows == reconcile.Indicators {
			if ind = t.IndicatorFor(*c, &t.Lines[r.LineN]); ind == "" {
				// Not an input of this line (a flow-only line's 期末数, locked
				// and greyed): a figure typed there after removing the
				// protection is reported, never silently dropped.
				if rc := l.byCol[ci]; rc != nil && (strings.Trim(rc.Value, spaces) != "" || rc.HasF) {
					sub.Findings = append(sub.Findings, finding(*sub, r.Cells[ci].Source, reconcile.RuleNotAnInput, reconcile.Warning, rc.Value, reconcile.Fields{"value": rc.Value}))
				}
				continue
			}
		}
		if t.Rows == reconcile.Indicators {
			def, _ := l.s.Indicator(ind) // the line's own
			unit = def.Unit.Name
		}
		if !isTotal && !footerLike {
			if _, ok := l.templateCarry(ci, r.Line, l.byCol[ci]); ok {
				l.deferred[ci], carried = true, true // computed once the row's other cells are read
				continue
			}
		}
		cell := &r.Cells[ci]
		f := readValueInto(cell, l.byCol[ci], unit)
		if f != nil {
			def, _ := l.s.Indicator(ind)
			fitExample(f, def) // an example that fits the column (整数, not negative)
		}
		// A figure typed as text is read, its note aside: checked against
		// what the template carried like the same figure typed as a number.
		asText := f != nil && f.Rule == reconcile.RuleTextNumber
		if (f == nil || asText) && !isTotal && !footerLike {
			if f == nil {
				f = l.staleFormula(cell, l.byCol[ci], r.Line)
			}
			if (f == nil || asText) && l.st.carries != nil && l.carry[ci] >= 0 && cell.State == reconcile.Number {
				l.typedOverCarry(r, ci, cell)
			}
		}
		if f != nil && isTotal && f.Rule == reconcile.RuleNoCachedValue {
			// tally recomputes every 合计; a 合计 formula no program
			// calculated (a file written by a script) only loses the
			// comparison: one note for the 合计 row, naming each cell.
			uncalc = append(uncalc, *f)
			f = nil
		}
		if f != nil && isTotal && l.explainedTotal(ci, r.Line, l.byCol[ci]) {
			// The template's SUM shows the error of a cell it sums, which
			// has its finding (or was accepted): tally computes the 合计
			// itself, and a second finding would blame a locked cell.
			cell.State = reconcile.Blank
			f = nil
		}
		if !isTotal && cell.State == reconcile.Invalid {
			l.errCol[ci] = true
		}
		if f != nil {
			f.Department, f.Period = sub.Department, sub.Period.String()
			l.found[ci] = len(sub.Findings)
			sub.Findings = append(sub.Findings, *f)
		}
		if footerLike && cell.State != reconcile.Blank {
			// Not consolidated: a phone number must not become a figure.
			cell.State = reconcile.Invalid
		}
		// A blank cell stays blank (Raw says whether it holds a mark for
		// "no figure", —, -, / or 无): whether that is an error is the
		// ledger's call (reconcile.checkRequired).
	}
	if carried {
		l.readCarried(sub, r)
	}
	if len(uncalc) > 0 {
		noteUncalculated(sub, uncalc)
	}
}

// templateRows are the rows (names and credit codes) a template carried
// 本年累计 for, by sheet, in sheet order (Submission.TemplateRows); nil for
// none.
func templateRows(carries map[string]Carried) map[string][]reconcile.TemplateRow {
	if len(carries) == 0 {
		return nil
	}
	type at struct {
		row        int
		name, code string
	}
	bySheet := map[string][]at{}
	for key, c := range carries {
		i := strings.LastIndexByte(key, '!')
		_, row, ok := parseRef(key[i+1:])
		if i < 0 || !ok {
			continue
		}
		bySheet[key[:i]] = append(bySheet[key[:i]], at{row, c.Name, c.Code})
	}
	out := make(map[string][]reconcile.TemplateRow, len(bySheet))
	for sheet, rows := range bySheet {
		sort.Slice(rows, func(i, j int) bool {
			return rows[i].row < rows[j].row || rows[i].row == rows[j].row && rows[i].name < rows[j].name
		})
		var names []reconcile.TemplateRow
		for i, r := range rows {
			if i == 0 || r.name != rows[i-1].name {
				names = append(names, reconcile.TemplateRow{Name: r.name, Code: r.code})
			}
		}
		out[sheet] = names
	}
	return out
}

// typedOverCarry keeps with the row the figure the template carried for
// a 本年累计 cell that no longer holds its formula (a figure typed over
// it), when the row is still the one the template wrote there.
func (l *layout) typedOverCarry(r *reconcile.Row, ci int, cell *reconcile.Cell) {
	c, ok := l.st.carries[cell.Sheet+"!"+cell.Cell]
	if ok && reconcile.NormalizeHeader(c.Name) == reconcile.NormalizeHeader(r.Name) {
		r.Carried = append(r.Carried, reconcile.CarriedYTD{Col: ci, Value: c.Value})
	}
}

// readCarried computes the row's 本年累计 cells that hold the template's
// own formula, from the 本月 cells read before them.
func (l *layout) readCarried(sub *reconcile.Submission, r *reconcile.Row) {
	for ci := range l.t.Columns {
		if !l.deferred[ci] {
			continue
		}
		rc := l.byCol[ci]
		carry, _ := l.templateCarry(ci, r.Line, rc)
		r.Carried = append(r.Carried, reconcile.CarriedYTD{Col: ci, Value: reconcile.NumOf(carry)})
		if f := l.computeCarry(sub, r, ci, carry, rc, l.found[l.carry[ci]]); f != nil {
			f.Department, f.Period = sub.Department, sub.Period.String()
			sub.Findings = append(sub.Findings, *f)
		}
	}
}

// countRow accounts for the cells of a data row or the 合计: beside the
// table, reported (outside_input_area); names, codes, 说明, the unit column
// and blank text, template; value cells, values — except an unknown line's
// and those that are no input of their line, reported.
func (l *layout) countRow(t *reconcile.Table, name string, cells []rawCell) {
	line := -1
	if t.Rows == reconcile.Indicators {
		if n, ok := l.lines[reconcile.NormalizeHeader(name)]; ok {
			line = n
		}
	}
	for i := range cells {
		c := &cells[i]
		ci, ok := l.column(c.Col)
		switch {
		case !ok:
			l.count.Reported++
		case l.byCol[ci] != c:
			l.count.Template++ // a second cell of one column in a malformed row: the last counts
		case t.Columns[ci].Role != reconcile.RoleValue:
			l.count.Template++
		case t.Rows != reconcile.Indicators:
			l.count.Values++
		case line < 0:
			l.count.Reported++ // an unknown line: reported, its row rejected
		case t.IndicatorFor(t.Columns[ci], &t.Lines[line]) == "":
			if strings.Trim(c.Value, spaces) != "" || c.HasF {
				l.count.Reported++ // not_an_input
			} else {
				l.count.Template++
			}
		default:
			l.count.Values++
		}
	}
}

// noteUncalculated records that a 合计 row's formulas carry no value:
// tally computes every 合计 itself, so only the comparison is lost. Each
// 合计 row has its note, at its own sheet and cells (every sheet of a file
// a script wrote has one): one cell's at the cell, several cells' once,
// listing them (Cells; an annotated copy marks each).
func noteUncalculated(sub *reconcile.Submission, fs []reconcile.Finding) {
	f := finding(*sub, fs[0].Source, reconcile.RuleTotalNoValue, reconcile.Info, fs[0].Raw, nil)
	if len(fs) > 1 {
		f.Raw = ""
		f.Cells = make([]string, len(fs))
		for i := range fs {
			f.Cells[i] = fs[i].Cell
		}
		slices.SortFunc(f.Cells, func(a, b string) int { // the sheet's order, whatever the columns'
			ca, _, _ := parseRef(a)
			cb, _, _ := parseRef(b)
			return ca - cb
		})
		f.Source.Cell = cellList(f.Cells)
	}
	sub.Findings = append(sub.Findings, f)
}

// cellList names cells of one row: their range when they are side by side
// (C34:D34), else each (B34,D34), as Excel writes several areas.
func cellList(cells []string) string {
	first, _, ok1 := parseRef(cells[0])
	last, _, ok2 := parseRef(cells[len(cells)-1])
	if ok1 && ok2 && last-first == len(cells)-1 {
		return cells[0] + ":" + cells[len(cells)-1]
	}
	return strings.Join(cells, ",")
}

// formatHides reports whether a stored number is shown as nothing by its
// cell's number format (;;;): not zero, whose hiding counts for nothing.
func formatHides(c *rawCell) bool {
	if c.Hides&(hidePositive|hideNegative) == 0 || c.Type != "" && c.Type != "n" || c.Date || c.Value == "" {
		return false
	}
	d, err := parseStored(c.Value)
	switch {
	case err != nil || d.IsZero():
		return false
	case d.IsNegative():
		return c.Hides&hideNegative != 0
	}
	return c.Hides&hidePositive != 0
}

// duplicateHeaders reports a table's header typed twice in its header row
// (a column copied beside the table): the first column is read, where the
// template has it, and the figures under the second are outside the input
// area. Read by the last one, tally took the copy and called the
// template's own figures outside the table.
func duplicateHeaders(sub *reconcile.Submission, t *reconcile.Table, sheet string, cols []int, cells []rawCell) {
	for ci, col := range t.Columns {
		if cols[ci] == 0 || col.Role != reconcile.RoleValue {
			continue // a 说明 or name column typed twice loses no figure
		}
		h := reconcile.NormalizeHeader(col.Header)
		for i := range cells {
			c := &cells[i]
			if c.Col != cols[ci] && reconcile.NormalizeHeader(c.Value) == h {
				sub.Findings = append(sub.Findings, finding(*sub, reconcile.Source{File: sub.File, Sheet: sheet, Cell: c.Ref},
					reconcile.RuleDuplicateHeader, reconcile.Error, c.Value,
					reconcile.Fields{"header": strings.ReplaceAll(col.Header, "\n", ""), "first": columnName(cols[ci]), "column": columnName(c.Col)}))
			}
		}
	}
}

// dropInvisible removes the characters that print nothing — zero-width
// spaces and joiners, direction marks and overrides, the word joiner, the
// byte-order mark, the soft hyphen — from a name or a credit code. One
// pasted into a name (天津\u200b麦谷…) made the same enterprise another
// to the duplicate check and to the months before, and is on no one's
// screen.
func dropInvisible(s string) string {
	if !strings.Contains(s, "\u00ad") && !strings.Contains(s, "\ufeff") && !strings.Contains(s, "\xe2\x80") && !strings.Contains(s, "\xe2\x81") {
		return s // the common case: nothing to look at
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0x00AD, r == 0xFEFF, r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
}

package workbook

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

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
}

var fileName = regexp.MustCompile(`(?i)^(\d{4}(?:-\d{2})?)-([a-z0-9]+)\.xlsx$`)

// ReadFile reads one submission from disk. The file is opened read-only and
// never modified; its SHA-256 is taken from the same bytes that are read.
func ReadFile(path, display string, s *reconcile.Spec, lim Limits) reconcile.Submission {
	sub := reconcile.Submission{File: display}
	f, st, err := openRegular(path)
	if err != nil {
		return unreadable(identifyByName(sub, filepath.Base(path), s), err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, lim.MaxFileBytes+1)); err != nil {
		return unreadable(identifyByName(sub, filepath.Base(path), s), osErr("无法读取文件", "cannot read the file", err))
	}
	sub.SHA256 = hex.EncodeToString(h.Sum(nil))
	return Read(sub, f, st.Size(), filepath.Base(path), s, lim)
}

// Read reads a submission from r. sub carries the file's display name and
// hash; base is the file's own name, used when it has no fingerprint.
func Read(sub reconcile.Submission, r io.ReaderAt, size int64, base string, s *reconcile.Spec, lim Limits) reconcile.Submission {
	x, err := openXLSX(r, size, lim)
	if err != nil {
		sub = identifyByName(sub, base, s)
		return unreadable(sub, err)
	}
	sub.Saved = x.saved()
	fp, hasFP := x.fingerprint()
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
	sub.Findings = append(sub.Findings, checkFingerprint(sub, fp, hasFP, byName, d)...)
	for _, t := range d.TablesFor(sub.Period) {
		si, ok := x.sheet(t.Sheet)
		if !ok {
			sub.Findings = append(sub.Findings, finding(sub, reconcile.Source{File: sub.File, Sheet: t.Sheet},
				reconcile.RuleMissingSheet, reconcile.Error, "", reconcile.Fields{"sheet": t.Sheet}))
			continue
		}
		sh, err := readSheet(&sub, x, si, t, s)
		if err != nil {
			return unreadable(sub, err)
		}
		if sh != nil {
			sub.Sheets = append(sub.Sheets, *sh)
		}
	}
	return sub
}

// NameIdentity reads <period>-<dept>.xlsx: the period and department code a
// file's name gives, if it has that form.
func NameIdentity(base string) (reconcile.Period, string, bool) {
	m := fileName.FindStringSubmatch(base)
	if m == nil {
		return reconcile.Period{}, "", false
	}
	p, err := reconcile.ParsePeriod(m[1])
	return p, strings.ToLower(m[2]), err == nil
}

func identifyByName(sub reconcile.Submission, base string, s *reconcile.Spec) reconcile.Submission {
	p, dept, ok := NameIdentity(base)
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
// created), YYYY-MM-DD, from its core document properties.
func (x *xlsx) saved() string {
	var core struct {
		Created  string `xml:"created"`
		Modified string `xml:"modified"`
	}
	if _, ok := x.parts["docProps/core.xml"]; !ok || x.decodePart("docProps/core.xml", &core) != nil {
		return ""
	}
	for _, d := range []string{core.Modified, core.Created} {
		if m := isoDate.FindString(strings.TrimSpace(d)); m != "" {
			return m
		}
	}
	return ""
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
func checkFingerprint(sub reconcile.Submission, fp Fingerprint, hasFP bool, byName reconcile.Submission, d *reconcile.Department) []reconcile.Finding {
	src := reconcile.Source{File: sub.File}
	var out []reconcile.Finding
	if !hasFP {
		return append(out, finding(sub, src, reconcile.RuleNoFingerprint, reconcile.Warning, "", nil))
	}
	if byName.Department != "" && (byName.Department != fp.Department || byName.Period != sub.Period) {
		out = append(out, finding(sub, src, reconcile.RuleWrongTemplate, reconcile.Error, "",
			reconcile.Fields{"by_name": byName.Department + " " + byName.Period.String(), "by_template": fp.Department + " " + fp.Period}))
	}
	if fp.Template != TemplateVersion || fp.Layout != reconcile.LayoutHash(d) {
		out = append(out, finding(sub, src, reconcile.RuleOldTemplate, reconcile.Warning, fp.Layout, reconcile.Fields{"version": fp.Template, "layout": fp.Layout}))
	}
	return out
}

// fingerprint reads the fingerprint sheet: key in column A, value in B.
func (x *xlsx) fingerprint() (Fingerprint, bool) {
	si, ok := x.sheet(FingerprintSheet)
	var fp Fingerprint
	if !ok {
		return x.customFingerprint()
	}
	err := x.scan(si, func(_ int, _ bool, cells []rawCell) error {
		if len(cells) < 2 || cells[0].Col != 1 || cells[1].Col != 2 {
			return nil
		}
		switch cells[0].Value {
		case "template":
			fp.Template = cells[1].Value
		case "department":
			fp.Department = cells[1].Value
		case "period":
			fp.Period = cells[1].Value
		case "layout":
			fp.Layout = cells[1].Value
		}
		return nil
	})
	if err != nil || fp.Department == "" || fp.Period == "" {
		return x.customFingerprint()
	}
	return fp, true
}

// headerScanRows is how far down a sheet tally looks for the header row.
const headerScanRows = 20

// readSheet reads one table: it finds the header row by matching the
// table's headers, then reads every row below it.
func readSheet(sub *reconcile.Submission, x sheetScanner, si sheetInfo, t *reconcile.Table, s *reconcile.Spec) (*reconcile.Sheet, error) {
	sh := &reconcile.Sheet{Table: t, Name: si.name}
	var lay *layout
	var missing []string
	lines := lineIndex(t, s)
	maxFindings := findingsBound(x)
	err := x.scan(si, func(row int, hidden bool, cells []rawCell) error {
		if lay != nil {
			lay.readRow(sub, sh, row, cells)
			lay.checkHidden(sub, sh, row, hidden, x.hidden, cells)
			boundFindings(sub, maxFindings)
			return nil
		}
		if row > headerScanRows {
			return errStop
		}
		cols, miss := matchHeader(t, cells)
		if len(miss) == 0 {
			lay = newLayout(t, s, cols, lines)
		} else if len(miss) < len(t.Columns) && (missing == nil || len(miss) < len(missing)) {
			missing = miss
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
		sub.Findings = append(sub.Findings, finding(*sub, reconcile.Source{File: sub.File, Sheet: si.name},
			reconcile.RuleMissingColumn, reconcile.Error, "", reconcile.Fields{"header": strings.ReplaceAll(what, "\n", "")}))
		return nil, nil
	}
	return sh, nil
}

var errStop = errors.New("stop")

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
		byText[reconcile.NormalizeHeader(c.Value)] = c.Col
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
	cols  []int       // table column → sheet column
	index map[int]int // sheet column → table column
	lines map[string]int
	byCol []*rawCell // scratch, per row
}

func newLayout(t *reconcile.Table, s *reconcile.Spec, cols []int, lines map[string]int) *layout {
	l := &layout{t: t, s: s, cols: cols, index: map[int]int{}, lines: lines, byCol: make([]*rawCell, len(cols))}
	for ci, sc := range cols {
		if sc > 0 {
			l.index[sc] = ci
		}
	}
	return l
}

var totalLabels = map[string]bool{"合计": true, "总计": true}

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
		src := reconcile.Source{File: sub.File, Sheet: sh.Name, Cell: c.Ref}
		ci, mapped := l.index[c.Col]
		var f reconcile.Finding
		switch {
		case !mapped:
			f = finding(*sub, src, reconcile.RuleOutsideArea, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value})
		case l.t.Columns[ci].Role != reconcile.RoleValue:
			continue
		case hidden:
			f = finding(*sub, src, reconcile.RuleHiddenCell, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value, "where": reconcile.Text{"行", "row"}})
		case hiddenCol(c.Col):
			f = finding(*sub, src, reconcile.RuleHiddenCell, reconcile.Warning, c.Value, reconcile.Fields{"value": c.Value, "where": reconcile.Text{"列", "column"}})
		default:
			continue
		}
		f.Explanation = note
		sub.Findings = append(sub.Findings, f)
	}
}

// readRow reads one row below the header: a data row, the 合计 row, or a
// blank row (skipped: nothing in it to lose).
func (l *layout) readRow(sub *reconcile.Submission, sh *reconcile.Sheet, row int, cells []rawCell) {
	t := l.t
	clear(l.byCol)
	for i := range cells {
		if ci, ok := l.index[cells[i].Col]; ok {
			l.byCol[ci] = &cells[i]
		}
	}
	r := reconcile.Row{Line: row, Cells: make([]reconcile.Cell, len(t.Columns)), LineN: -1}
	hasValue := false
	for ci, c := range t.Columns {
		src := reconcile.Source{File: sub.File, Sheet: sh.Name}
		if l.cols[ci] > 0 {
			src.Cell = columnName(l.cols[ci]) + strconv.Itoa(row)
		}
		r.Cells[ci].Source = src
		rc := l.byCol[ci]
		if rc == nil {
			continue
		}
		text := strings.Trim(rc.Value, spaces)
		switch c.Role {
		case reconcile.RoleName:
			r.Name = text
		case reconcile.RoleCode:
			r.Code, r.CodeSource = strings.ToUpper(text), src
		case reconcile.RoleNote:
			r.Note = text
		case reconcile.RoleValue:
			hasValue = true
		}
	}
	if r.Name == "" && !hasValue {
		return
	}
	isTotal := t.Rows != reconcile.Indicators && totalLabels[reconcile.NormalizeHeader(r.Name)]
	if t.Rows == reconcile.Indicators {
		n, ok := l.lines[reconcile.NormalizeHeader(r.Name)]
		if !ok {
			// Kept as a row so it is counted: the ledger rejects it.
			sub.Findings = append(sub.Findings, finding(*sub, r.Cells[0].Source, reconcile.RuleUnknownLine, reconcile.Error, r.Name, reconcile.Fields{"line": r.Name}))
			sh.Rows = append(sh.Rows, r)
			return
		}
		r.LineN = n
	}
	for ci, c := range t.Columns {
		if c.Role != reconcile.RoleValue {
			continue
		}
		ind := c.Indicator
		if t.Rows == reconcile.Indicators {
			if ind = t.IndicatorFor(c, &t.Lines[r.LineN]); ind == "" {
				continue // not an input of this line, as a flow-only line's 期末数
			}
		}
		def, _ := l.s.Indicator(ind)
		src := r.Cells[ci].Source
		cell, f := readValue(src, l.byCol[ci], def.Unit.Name)
		if f != nil {
			if isTotal && f.Rule == reconcile.RuleNoCachedValue {
				// tally recomputes every 合计; an uncalculated one only loses the check.
				f.Severity = reconcile.Warning
			}
			f.Department, f.Period = sub.Department, sub.Period.String()
			sub.Findings = append(sub.Findings, *f)
		}
		if cell.State == reconcile.Blank && !isTotal {
			cell.State = reconcile.Invalid
			f := finding(*sub, src, reconcile.RuleRequired, reconcile.Error, cell.Raw, nil)
			if cell.Raw != "" { // —, -, / or 无: a mark for "no figure", not an empty cell
				f.Rule, f.Fields = reconcile.RuleNoFigure, reconcile.Fields{"raw": cell.Raw}
			}
			sub.Findings = append(sub.Findings, f)
		}
		r.Cells[ci] = cell
	}
	if isTotal {
		sh.Total = &r
		return
	}
	sh.Rows = append(sh.Rows, r)
}

package reconcile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// A consolidated workbook is sealed when tally writes it: a hidden sheet
// holds the SHA-256 of every 汇总 row, of each block of detail rows and of
// the inputs list, the indicator definitions, the counts, and a seal over
// all of these. Reading it back (节点汇总), tally recomputes each digest from
// the cells it reads and names the cell that no longer holds what it wrote.
// The digests carry no key: they catch a workbook edited after tally wrote
// it, by hand or by a program, not a forger who rewrites the seal; that is
// what the SHA-256 of the whole file, recorded by the parent in its 来源文件,
// pins from then on.

// SealVersion is the layout of the seal sheet and the 明细; a workbook with
// another is refused, not guessed at. Version 2 (2026-12) writes one 明细 row
// per source row, its figures in columns the seal names (detail_col);
// version 1 wrote one row per figure, and is still read (SealVersion1).
const SealVersion = "2"

// SealVersion1 is the version before: a 明细 of one row per figure. Its
// workbooks are read as they were written.
const SealVersion1 = "1"

// DetailBlock is how many detail rows one digest covers: a block that
// changed is named by its rows.
const DetailBlock = 1024

// Digest is a running SHA-256 over rows of cell texts, in the canonical
// form both the writer and the reader hash: cells separated by 0x1F, rows
// ended by 0x1E. It gathers the rows' bytes and hashes them a few
// kilobytes at a time: a detail row is ~150 bytes, and SHA-256 written a
// row at a time spent a third of its time on the call and the partial
// block it keeps between calls.
type Digest struct {
	h    hash.Hash
	buf  []byte // rows not yet written to h
	cell bool   // a row is open and has a cell
}

// digestChunk is how many bytes a Digest gathers before it hashes them.
const digestChunk = 16 << 10

// NewDigest starts a digest.
func NewDigest() *Digest { return &Digest{h: sha256.New()} }

// Row adds one row of cell texts.
func (d *Digest) Row(cells ...string) {
	for _, c := range cells {
		d.Cell(c)
	}
	d.EndRow()
}

// Cell adds the next cell of the open row: Row a cell at a time, for a
// writer that has the texts at hand one by one. EndRow ends the row.
func (d *Digest) Cell(c string) {
	if d.cell {
		d.buf = append(d.buf, 0x1f)
	}
	d.buf = append(d.buf, c...)
	d.cell = true
}

// CellBytes is Cell for a text held as bytes.
func (d *Digest) CellBytes(c []byte) {
	if d.cell {
		d.buf = append(d.buf, 0x1f)
	}
	d.buf = append(d.buf, c...)
	d.cell = true
}

// EndRow ends the open row (a row of no cells is the empty row).
func (d *Digest) EndRow() {
	d.buf = append(d.buf, 0x1e)
	d.cell = false
	if len(d.buf) >= digestChunk {
		d.flush()
	}
}

func (d *Digest) flush() {
	d.h.Write(d.buf)
	d.buf = d.buf[:0]
}

// Sum returns the digest in hex and starts over.
func (d *Digest) Sum() string {
	b := d.SumBytes()
	return hex.EncodeToString(b[:])
}

// SumBytes returns the digest of the rows so far as bytes (Sum's hex is
// their encoding) and starts again.
func (d *Digest) SumBytes() [32]byte {
	d.flush()
	var b [32]byte
	d.h.Sum(b[:0])
	d.h.Reset()
	d.cell = false
	return b
}

// DigestRow is the digest of one row.
func DigestRow(cells ...string) string {
	d := NewDigest()
	d.Row(cells...)
	return d.Sum()
}

// Canonical is how a figure enters a digest: its exact decimal digits,
// without trailing zeros, so 1.50 written and 1.5 read back agree.
func Canonical(v decimal.Decimal) string { return v.String() }

// FigureCells are the texts of one 汇总 row a digest covers: the code, the
// twelve months and the year to date, each empty when it holds no figure.
func FigureCells(s *Series) []string {
	out := []string{s.Indicator.Code}
	for m := 1; m <= 12; m++ {
		out = append(out, figText(s.Months[m]))
	}
	return append(out, figText(s.YTD))
}

func figText(f Figure) string {
	if !f.Has {
		return ""
	}
	return Canonical(f.Value)
}

// DefinitionCells are the texts of an indicator's definition that decide
// whether two nodes' figures can be added: code, name, unit, precision and
// aggregation.
func DefinitionCells(def *Indicator) []string {
	return []string{def.Code, def.Name, def.Unit.Name, strconv.Itoa(int(def.Precision)), string(def.Aggregation)}
}

// DefinitionsDigest identifies a list of indicator definitions.
func DefinitionsDigest(defs []Indicator) string {
	d := NewDigest()
	for i := range defs {
		d.Row(DefinitionCells(&defs[i])...)
	}
	return d.Sum()
}

// IncompleteMonths lists the months of a series whose figure is not whole
// ("3,8"), for the seal.
func IncompleteMonths(s *Series) string {
	var ms []string
	for m := 1; m <= 12; m++ {
		if len(s.Months[m].Incomplete) > 0 {
			ms = append(ms, strconv.Itoa(m))
		}
	}
	return strings.Join(ms, ",")
}

// Part is one figure a roll-up adds up, with where it comes from: the node
// that consolidated department files (Origin), its workbook and the 汇总
// cell that holds the figure. The chain continues inside that workbook,
// whose 明细 lists the department files' cells; Via lists the roll-up
// workbooks in between, nearest the origin first.
type Part struct {
	Origin    string
	Workbook  string
	SHA256    string
	Sheet     string
	Cell      string
	Via       string
	Indicator string
	Period    Period
	Value     decimal.Decimal
}

// PartCells are the texts of a part a digest covers, in the order the
// node detail sheet shows them.
func PartCells(p *Part, indName string) []string {
	return []string{p.Origin, p.Workbook, p.Sheet, p.Cell, p.Period.String(), indName, p.Indicator, Canonical(p.Value), p.Via, p.SHA256}
}

// FigureCell is one 汇总 cell as read back: its reference, whether it
// holds anything, and its value when it is a number.
type FigureCell struct {
	Ref   string
	Raw   string
	Has   bool
	Value decimal.Decimal
	OK    bool // a number
}

// FigureRow is one 汇总 row as read back, with what the seal says of it.
type FigureRow struct {
	Indicator  string
	Cells      [14]FigureCell // 1–12 months, 13 the year to date
	Stored     string         // the digest the seal holds
	Incomplete []int          // months the seal says are not whole
}

// Block is one block of detail rows: where it is, the digest the seal
// holds and the one computed from the cells read.
type Block struct {
	Sheet            string
	First, Last      int
	Stored, Computed string
}

// NodeRead is what the workbook adapter reads from a consolidated
// workbook, for VerifyNode to judge. The adapter computes digests with
// Digest over the cells it reads; it decides nothing.
type NodeRead struct {
	File, SHA256 string
	// Problem is why the file could not be read as a consolidated
	// workbook at all (not a workbook, no seal); empty when it could.
	Problem Text
	// SealStored and SealComputed are the seal row's digest and the one
	// over the seal sheet's other rows.
	SealStored, SealComputed string
	Version                  string
	Name                     string
	Rollup                   bool
	AsOf                     Period
	Lang                     Lang
	Defs                     []Indicator
	Summary                  Summary
	DetailRows               int // as the seal says

	FiguresSheet string
	Figures      []FigureRow
	Blocks       []Block
	// DetailSums are the detail's figures per indicator and month (what a
	// 汇总 month cell must equal); DetailCount the rows read.
	DetailSums  map[string]decimal.Decimal // code|period
	DetailCount int
	DetailFiles map[string]bool // files the detail names
	Parts       []Part          // a roll-up's node detail

	InputsSheet                  string
	InputsStored, InputsComputed string
	Inputs                       []Input
	// DetailSheets and NodeDetailSheets are the detail sheets read.
	DetailSheets, NodeDetailSheets []string
	// Carried are the node's own errors and warnings as its seal carries
	// them; CarriesFindings says the seal has the list at all (a workbook
	// written before it does not); CarriedLeft counts those left off past
	// MaxCarriedFindings.
	Carried         []CarriedFinding
	CarriesFindings bool
	CarriedLeft     int
}

// MaxCarriedFindings bounds the node's own errors and warnings its
// workbook's seal carries up to the next level (about 300 bytes each);
// past it the rest are counted.
const MaxCarriedFindings = 5000

// CarriedFinding is one of a node's own errors or warnings as its
// consolidated workbook's seal carries it to the level above: where it
// is (the department's file, sheet and cell), its rule (month_jump; for a
// finding the node itself carried up, the rule it was first found by)
// and its message in both languages as the node said it.
type CarriedFinding struct {
	Severity           Severity
	Rule               Rule
	Department, Period string
	File, Sheet, Cell  string
	Message            Text
}

// Carry is the finding f of a town's (or a roll-up's) run as its seal
// carries it: a finding a node carried up keeps the rule it was first
// found by, and its message already names the node.
func Carry(f *Finding, dept string) CarriedFinding {
	c := CarriedFinding{Severity: f.Severity, Rule: f.Rule, Department: dept, Period: f.Period, File: f.File, Sheet: f.Sheet, Cell: f.Cell,
		Message: Text{f.Message(Chinese), f.Message(English)}}
	if f.Rule == RuleNodeFinding {
		if r, ok := f.Fields["rule"].(string); ok {
			c.Rule = Rule(r)
		}
	}
	return c
}

// Node is a verified consolidated workbook, ready to merge.
type Node struct {
	Name, File, SHA256 string
	Rollup             bool
	AsOf               Period
	FiguresSheet       string
	Defs               []Indicator
	Series             []Series // months and year to date only
	Cells              map[string][14]string
	Parts              []Part
	Summary            Summary
	Inputs             []Input
	// Findings are what verification found; one of severity error means
	// the node is refused.
	Findings []Finding
	// Carried, CarriesFindings and CarriedLeft are the NodeRead's: the
	// node's own errors and warnings, carried up by its seal.
	Carried         []CarriedFinding
	CarriesFindings bool
	CarriedLeft     int
}

// Refused reports whether verification found an error.
func (n *Node) Refused() bool {
	for _, f := range n.Findings {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Rules of 节点汇总.
const (
	RuleNodeUnreadable = Rule("node_unreadable")
	RuleNodeSeal       = Rule("node_seal_edited")
	RuleNodeEdited     = Rule("node_edited")
	RuleNodeRowEdited  = Rule("node_row_edited")
	RuleNodeDetail     = Rule("node_detail_edited")
	RuleNodeAddsUp     = Rule("node_detail_sum")
	RuleNodeInputs     = Rule("node_inputs_edited")
	RuleNodeRows       = Rule("node_rows")
	RuleNodeDefs       = Rule("node_definitions")
	RuleNodeYear       = Rule("node_year")
	RuleNodeErrors     = Rule("node_errors")
	RuleNodeWarnings   = Rule("node_warnings")
	RuleNodeFinding    = Rule("node_finding")
	RuleRollupJump     = Rule("rollup_month_jump")
	RuleNodeMonth      = Rule("node_missing_month")
	RuleNodeDuplicate  = Rule("duplicate_node")
	RuleNodeMissing    = Rule("missing_node")
)

func init() {
	for r, m := range map[Rule]message{
		RuleNodeUnreadable: {Text{"汇总工作簿无法读取", "unreadable node workbook"},
			Text{"不能作为汇总工作簿读取，拒收：{reason}", "cannot be read as a consolidated workbook, refused: {reason}"}},
		RuleNodeSeal: {Text{"校验页被改动", "seal edited"},
			Text{"校验页在 tally 写出后被改动（校验值 {stored}，按内容应为 {computed}），拒收", "the seal sheet was edited after tally wrote it (seal {stored}, content gives {computed}); refused"}},
		RuleNodeEdited: {Text{"汇总数被改动", "figure edited"},
			Text{"tally 写出后被改动：此格现为 {shown}，明细合计为 {detail}，拒收", "edited after tally wrote it: this cell holds {shown}, its detail adds up to {detail}; refused"}},
		RuleNodeRowEdited: {Text{"汇总行被改动", "row edited"},
			Text{"此行在 tally 写出后被改动（与校验值不符，各格仍与明细相符），拒收", "this row was edited after tally wrote it (its digest differs, though each cell still agrees with the detail); refused"}},
		RuleNodeDetail: {Text{"明细被改动", "detail edited"},
			Text{"明细在 tally 写出后被改动（第 {first}–{last} 行内），拒收", "the detail was edited after tally wrote it (within rows {first}–{last}); refused"}},
		RuleNodeAddsUp: {Text{"明细合计不符", "detail does not add up"},
			Text{"明细合计 {detail} 与汇总数 {shown} 不符，拒收", "the detail adds up to {detail}, not the consolidated {shown}; refused"}},
		RuleNodeInputs: {Text{"来源文件清单被改动", "inputs list edited"},
			Text{"来源文件清单在 tally 写出后被改动，拒收", "the list of input files was edited after tally wrote it; refused"}},
		RuleNodeRows: {Text{"行数不守恒", "rows not accounted for"},
			Text{"行数不守恒：{detail}，拒收", "rows not accounted for: {detail}; refused"}},
		RuleNodeDefs: {Text{"指标定义不同", "indicator definitions differ"},
			Text{"指标定义与 {node} 不同（{diff}），不能相加，拒收", "indicator definitions differ from {node}'s ({diff}); cannot be added, refused"}},
		RuleNodeYear: {Text{"汇总年度不同", "another year"},
			Text{"汇总年度 {year} 与本级 {our_year} 不同，拒收", "consolidates {year}, not {our_year}; refused"}},
		RuleNodeErrors: {Text{"节点自身有错误", "node has errors"},
			Text{"节点 {node} 自身有 {n} 个错误（见其问题清单），其数字已汇总", "node {node} has {n} errors of its own (see its findings); its figures are consolidated"}},
		RuleNodeWarnings: {Text{"节点自身有警告", "node has warnings"},
			Text{"节点 {node} 自身有 {n} 个警告{where}，其数字已汇总；请逐条核实", "node {node} has {n} warnings of its own{where}; its figures are consolidated: check each"}},
		RuleNodeFinding: {Text{"节点的问题", "node's finding"},
			Text{"节点 {node}{dept}：{message}", "node {node}{dept}: {message}"}},
		RuleRollupJump: {Text{"汇总数本月异常", "consolidated month out of line"},
			Text{"{whose}{indicator} {month} 为 {value} {unit}，为其他月份中位数 {median} {unit}的 {times} 倍，{hint}；请核实各节点该月的数字",
				"{whose}{indicator} for {month} is {value} {unit}, {times} times the median {median} {unit} of its other months: {hint}; check the nodes' figures for that month"}},
		RuleNodeMonth: {Text{"节点缺月份", "node misses a month"},
			Text{"节点 {node} 缺 {month} 的数据（其汇总只到 {through}）", "node {node} has no figures for {month} (it consolidated only through {through})"}},
		RuleNodeMissing: {Text{"节点未报送", "node not submitted"},
			Text{"节点 {node} 未报送汇总工作簿（{from} 至 {to}）", "node {node} sent no consolidated workbook ({from} to {to})"}},
		RuleNodeDuplicate: {Text{"节点重复", "duplicate node"},
			Text{"节点 {node} 重复（已采用 {used}）", "node {node} appears twice ({used} is used)"}},
	} {
		catalogue[r] = m
	}
}

// VerifyNode judges what was read from a consolidated workbook: the seal,
// each 汇总 row, each block of detail, the inputs list, the row counts,
// and that the detail adds up to every 汇总 figure. A cell that no longer
// holds what tally wrote is named.
func VerifyNode(r *NodeRead) Node {
	n := Node{Name: r.Name, File: r.File, SHA256: r.SHA256, Rollup: r.Rollup, AsOf: r.AsOf, Defs: r.Defs,
		Summary: r.Summary, Inputs: r.Inputs, Cells: map[string][14]string{}, FiguresSheet: r.FiguresSheet,
		Carried: r.Carried, CarriesFindings: r.CarriesFindings, CarriedLeft: r.CarriedLeft}
	add := func(sheet, cell string, rule Rule, fields Fields) {
		n.Findings = append(n.Findings, Finding{Source: Source{File: r.File, Sheet: sheet, Cell: cell},
			Department: r.Name, Period: r.AsOf.String(), Rule: rule, Severity: Error, Fields: fields})
	}
	if r.Problem != (Text{}) {
		add("", "", RuleNodeUnreadable, Fields{"reason": r.Problem})
		return n
	}
	if r.Version != SealVersion && r.Version != SealVersion1 {
		add("", "", RuleNodeUnreadable, Fields{"reason": Text{"校验页版本 " + r.Version, "seal version " + r.Version}})
		return n
	}
	if r.SealStored != r.SealComputed {
		add("", "", RuleNodeSeal, Fields{"stored": short(r.SealStored), "computed": short(r.SealComputed)})
		return n
	}
	defs := map[string]*Indicator{}
	for i := range r.Defs {
		defs[r.Defs[i].Code] = &r.Defs[i]
	}
	for _, fr := range r.Figures {
		def := defs[fr.Indicator]
		if def == nil {
			add(r.FiguresSheet, "", RuleNodeUnreadable, Fields{"reason": Text{"汇总行 " + fr.Indicator + " 不在指标定义中", "row " + fr.Indicator + " is not a defined indicator"}})
			continue
		}
		s := Series{Indicator: def, Year: r.AsOf.Year}
		var refs [14]string
		for m := 1; m <= 13; m++ {
			c := fr.Cells[m]
			refs[m] = c.Ref
			f := Figure{Value: c.Value, Has: c.Has && c.OK}
			if m <= 12 {
				s.Months[m] = f
			} else {
				s.YTD = f
			}
		}
		cells := []string{fr.Indicator}
		for m := 1; m <= 13; m++ {
			cells = append(cells, cellText(fr.Cells[m]))
		}
		edited := DigestRow(cells...) != fr.Stored
		named := false
		// Each cell against what the detail says it must hold.
		for m := 1; m <= 13; m++ {
			c := fr.Cells[m]
			want, has := r.expected(&fr, def, m)
			got := cellText(c)
			if has && got == Canonical(want) || !has && got == "" {
				continue
			}
			empty := Text{"（空）", "(empty)"}
			var wantText, shown any = empty, empty
			if has {
				wantText = Canonical(want)
			}
			if c.Has {
				shown = c.Raw
			}
			if edited {
				add(r.FiguresSheet, c.Ref, RuleNodeEdited, Fields{"shown": shown, "detail": wantText})
			} else {
				add(r.FiguresSheet, c.Ref, RuleNodeAddsUp, Fields{"detail": wantText, "shown": shown})
			}
			named = true
		}
		if edited && !named {
			add(r.FiguresSheet, fr.Cells[1].Ref+":"+fr.Cells[13].Ref, RuleNodeRowEdited, nil)
		}
		for _, m := range fr.Incomplete {
			if m >= 1 && m <= 12 {
				s.Months[m].Incomplete = append(s.Months[m].Incomplete,
					Text{fmt.Sprintf("%s %s 数据不完整（见其汇总工作簿）", r.Name, Period{r.AsOf.Year, m}),
						fmt.Sprintf("%s %s incomplete (see its workbook)", r.Name, Period{r.AsOf.Year, m})})
			}
		}
		n.Series = append(n.Series, s)
		n.Cells[def.Code] = refs
	}
	for _, b := range r.Blocks {
		if b.Stored != b.Computed {
			add(b.Sheet, fmt.Sprintf("%d:%d", b.First, b.Last), RuleNodeDetail, Fields{"first": b.First, "last": b.Last})
		}
	}
	if r.InputsStored != r.InputsComputed {
		add(r.InputsSheet, "", RuleNodeInputs, nil)
	}
	s := r.Summary
	switch {
	case s.Rows != s.RowsConsolidated+s.RowsRejected:
		add("", "", RuleNodeRows, Fields{"detail": fmt.Sprintf("%d ≠ %d + %d", s.Rows, s.RowsConsolidated, s.RowsRejected)})
	case r.DetailCount != r.DetailRows:
		add("", "", RuleNodeRows, Fields{"detail": Text{fmt.Sprintf("明细 %d ≠ %d", r.DetailCount, r.DetailRows), fmt.Sprintf("detail %d ≠ %d", r.DetailCount, r.DetailRows)}})
	}
	if !r.Rollup {
		rows := 0
		listed := map[string]bool{}
		for _, in := range r.Inputs {
			rows += in.Rows
			listed[in.File] = true
			if in.SHA256 != "" && !isHex64(in.SHA256) {
				add(r.InputsSheet, "", RuleNodeInputs, nil)
			}
		}
		if rows != s.Rows {
			add(r.InputsSheet, "", RuleNodeRows, Fields{"detail": Text{fmt.Sprintf("来源文件合计 %d ≠ %d", rows, s.Rows), fmt.Sprintf("Σ inputs %d ≠ %d", rows, s.Rows)}})
		}
		var unlisted []string
		for f := range r.DetailFiles {
			if !listed[f] {
				unlisted = append(unlisted, f)
			}
		}
		sort.Strings(unlisted)
		if len(unlisted) > 0 {
			add(r.InputsSheet, "", RuleNodeRows, Fields{"detail": Text{"未列出：" + strings.Join(unlisted, "、"), "not listed: " + strings.Join(unlisted, ", ")}})
		}
	}
	n.Parts = r.Parts
	return n
}

// expected is what 汇总 cell m of a row must hold by the detail: a month
// is the detail's sum for it; the year to date is the sum of the months
// (a flow) or the as-of month's level (a stock).
func (r *NodeRead) expected(fr *FigureRow, def *Indicator, m int) (decimal.Decimal, bool) {
	if m <= 12 {
		v, ok := r.DetailSums[fr.Indicator+"|"+Period{r.AsOf.Year, m}.String()]
		return v, ok
	}
	if def.Aggregation == Latest {
		return r.expected(fr, def, r.AsOf.Month)
	}
	sum, has := decimal.Zero, false
	for mm := 1; mm <= 12; mm++ {
		if v, ok := r.expected(fr, def, mm); ok {
			sum, has = sum.Add(v), true
		}
	}
	return sum, has
}

func cellText(c FigureCell) string {
	if !c.Has {
		return ""
	}
	if !c.OK {
		return "\x00" + c.Raw // never a canonical figure
	}
	return Canonical(c.Value)
}

func short(d string) string {
	if len(d) > 12 {
		return d[:12] + "…"
	}
	return d
}

func isHex64(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// Rules of checking a node's department files.
const (
	RuleNodeSource        = Rule("node_source_changed")
	RuleNodeSourceMissing = Rule("node_source_missing")
)

func init() {
	catalogue[RuleNodeSource] = message{Text{"来源文件被改动", "input file changed"},
		Text{"来源文件 {file} 在汇总后被改动（SHA-256 现为 {now}，汇总时为 {then}），拒收", "input file {file} changed after it was consolidated (SHA-256 now {now}, then {then}); refused"}}
	catalogue[RuleNodeSourceMissing] = message{Text{"来源文件不在此处", "input files not here"},
		Text{"{n} 个来源文件不在此处，未核对其 SHA-256", "{n} input files are not here; their SHA-256 not checked"}}
}

// VerifySources compares the SHA-256 a node lists for each department file
// with the file's now: found maps a listed file to the SHA-256 of the file
// found for it, "" when none was found. A changed file refuses the node;
// files not found are counted in one info finding.
func VerifySources(n *Node, found map[string]string) {
	missing := 0
	for _, in := range n.Inputs {
		if in.SHA256 == "" {
			continue
		}
		got, ok := found[in.File]
		switch {
		case !ok || got == "":
			missing++
		case got != in.SHA256:
			n.Findings = append(n.Findings, Finding{Source: Source{File: n.File}, Department: n.Name, Period: n.AsOf.String(),
				Rule: RuleNodeSource, Severity: Error, Raw: in.File, Fields: Fields{"file": in.File, "now": short(got), "then": short(in.SHA256)}})
		}
	}
	if missing > 0 {
		n.Findings = append(n.Findings, Finding{Source: Source{File: n.File}, Department: n.Name, Period: n.AsOf.String(),
			Rule: RuleNodeSourceMissing, Severity: Info, Fields: Fields{"n": missing}})
	}
}

package reconcile

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/shopspring/decimal"
)

// The month-jump plausibility check (month_jump): a row's 本月 figure far
// out of line with the same row's other months of the year — a figure in
// 元 typed into a 万元 column is 10⁴ times its usual month — is a warning
// at the cell, never an error: a real one-off month is kept with a 说明.
//
// A year is the span over which a row's level is compared: a new year
// brings new plans and a reissued template, and the sample's clean 2021
// returns change level 57–68 times from 2020's in five rows (就业社保!D12,
// 规模工业!C61), which a comparison across the year's end at 50 times
// flagged. Early in a year, though, a month has too few others of its
// own year, and a January typed in 元 went unchecked. Such a month is
// compared with the months of the twelve before it, the previous year's
// included when they are in the run, at a bar acrossYears times higher
// (1,000 by default: a unit slip, 元 for 万元, is 10,000 times), and the
// finding says so.

// Plausibility holds the month-jump thresholds (spec: plausibility).
type Plausibility struct {
	// JumpRatio: a month at least JumpRatio times the median of the row's
	// other nonzero months of the year, or at most 1/JumpRatio of it, is
	// out of line. Zero turns the check off.
	JumpRatio decimal.Decimal
	// JumpFloor: and it differs from that median by at least this much, in
	// the indicator's unit (materiality: 0.5 against 0.01 is no finding).
	JumpFloor decimal.Decimal
	// JumpMinMonths: the row needs at least this many other nonzero months
	// within a year of the month for a median to compare with.
	JumpMinMonths int
	// StockDropRatio: a level (期末数, a stock) at most 1/StockDropRatio
	// of the same row's level the month before is out of line
	// (stock_drop, stock.go). Zero turns the check off.
	StockDropRatio decimal.Decimal
	// StockDropFloor: and below it by at least this much, in the
	// indicator's unit.
	StockDropFloor decimal.Decimal
}

// acrossYears multiplies JumpRatio for a month compared with the previous
// year's months (its own year has too few): a level may change with the
// year; a unit slip is 10⁴.
const acrossYears = 20

// carryBar multiplies JumpRatio for a month compared with the average of
// the months before it as its template carried them (carryJumps).
const carryBar = 2

// DefaultPlausibility is the built-in spec's: 50 times, 100 of the
// indicator's unit, 3 other months; a level falling to half of last
// month's or less, by at least 10 of its unit.
var DefaultPlausibility = Plausibility{JumpRatio: decimal.NewFromInt(50), JumpFloor: decimal.NewFromInt(100), JumpMinMonths: 3,
	StockDropRatio: decimal.NewFromInt(2), StockDropFloor: decimal.NewFromInt(10)}

// MaxJumpValues bounds the month figures held for the month-jump check
// (about 40 bytes each with the map's share, none of them pointers the
// collector scans); past it the check is not run (not_checked).
const MaxJumpValues = 500_000

// jumpVal is one accepted 本月 figure of a file, kept until the file is
// committed.
type jumpVal struct {
	key   hashKey
	ind   string
	value Num
	src   Source
	// header is the column's (期末数), for a level's finding.
	header string
	// note is the row's 说明: a warning on the figure is explained.
	note string
}

// jumpYear holds a department's rows over the run: each row's months are
// a list in months, linked by next.
type jumpYear struct {
	index map[hashKey]int32 // row key → rows
	rows  []jumpRow
}

// jumpRow is a row's 本月 figures of one indicator over the run, one
// entry per month it has (not a slot per month: most rows of a tall file
// have one month in a run).
type jumpRow struct {
	ind  int32 // l.jumpInds
	head int32 // l.jumpMonths, -1: none
	// later: every month was added after the row's months before it in
	// time, so the list runs from the latest back (head is the latest);
	// a month later than head's is then not in the list, and the list is
	// not walked to find it (files come in period order: a row of n
	// months would walk n²/2 otherwise).
	later bool
}

// jumpMonth is one month's figure of a row, without pointers: its number
// as coefficient and exponent (or an index in l.jumpBig when it does not
// fit), its source as the file and sheet's index in l.jumpSrcs and the
// cell's column letters and row (or an index in l.jumpCells when the
// reference is not a plain one).
type jumpMonth struct {
	coef int64
	exp  int32
	next int32
	src  int32
	row  int32
	at   int32 // year×12 + month − 1: months apart across a year's end
	col  [3]byte
	big  bool
}

// jumpStore is the month-jump check's memory.
type jumpStore struct {
	years  map[string]*jumpYear // by department
	months [][]jumpMonth        // in chunks of jumpChunk: no copying as it grows
	n      int32                // months held
	srcs   []Source             // file and sheet
	inds   []string
	indOf  map[string]int32
	big    []Num
	cells  []string
	// notes are the rows' 说明 by the cell of a month whose row has one
	// (few rows do): a month_jump there is explained.
	notes map[Source]string
	// byCarry are the months carryJumps found out of line, by department,
	// row (jumpYear.rows) and month (jumpMonth.at): checkJumps leaves
	// them alone (one finding a month).
	byCarry map[carryJump]bool
}

// carryJump is a month carryJumps found out of line.
type carryJump struct {
	dept string
	row  int32
	at   int32
}

const jumpChunk = 1 << 14

// month is the month at index i.
func (s *jumpStore) month(i int32) *jumpMonth { return &s.months[i/jumpChunk][i%jumpChunk] }

// add appends m and returns its index.
func (s *jumpStore) add(m jumpMonth) int32 {
	if int(s.n/jumpChunk) == len(s.months) {
		s.months = append(s.months, make([]jumpMonth, jumpChunk))
	}
	i := s.n
	*s.month(i) = m
	s.n++
	return i
}

func (s *jumpStore) srcIndex(src Source) int32 {
	if n := len(s.srcs); n > 0 && s.srcs[n-1].File == src.File && s.srcs[n-1].Sheet == src.Sheet {
		return int32(n - 1)
	}
	s.srcs = append(s.srcs, Source{File: src.File, Sheet: src.Sheet})
	return int32(len(s.srcs) - 1)
}

func (s *jumpStore) indIndex(ind string) int32 {
	i, ok := s.indOf[ind]
	if !ok {
		i = int32(len(s.inds))
		s.inds = append(s.inds, ind)
		s.indOf[ind] = i
	}
	return i
}

// plainCell splits a plain cell reference (C17: one to three capital
// letters, a row without leading zeros) into its letters and row.
func plainCell(ref string) (col [3]byte, row int32, ok bool) {
	i := 0
	for i < len(ref) && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col[i] = ref[i]
		i++
	}
	if i == 0 || i == len(ref) || ref[i] == '0' || len(ref)-i > 9 {
		return col, 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return col, 0, false
		}
		row = row*10 + int32(c-'0')
	}
	return col, row, true
}

// put makes a month of v.
func (s *jumpStore) put(p Period, v jumpVal) jumpMonth {
	m := jumpMonth{at: int32(p.Year*12 + p.Month - 1), src: s.srcIndex(v.src)}
	if c, e, ok := v.value.small(); ok {
		m.coef, m.exp = c, e
	} else {
		m.coef, m.big = int64(len(s.big)), true
		s.big = append(s.big, v.value)
	}
	if col, row, ok := plainCell(v.src.Cell); ok {
		m.col, m.row = col, row
	} else {
		m.row = int32(len(s.cells))
		s.cells = append(s.cells, v.src.Cell)
	}
	return m
}

// value is a month's figure.
func (s *jumpStore) value(m *jumpMonth) Num {
	if m.big {
		return s.big[m.coef]
	}
	return NewNum(m.coef, m.exp)
}

// source is a month's cell.
func (s *jumpStore) source(m *jumpMonth) Source {
	src := s.srcs[m.src]
	if m.col[0] == 0 {
		src.Cell = s.cells[m.row]
		return src
	}
	n := 1
	for n < 3 && m.col[n] != 0 {
		n++
	}
	src.Cell = string(m.col[:n]) + strconv.Itoa(int(m.row))
	return src
}

// keepJumps records a committed file's 本月 figures.
func (l *Ledger) keepJumps(fr *FileRead) {
	if len(fr.jumps) == 0 || l.jumpsOver || l.spec.Plausibility.JumpRatio.Sign() <= 0 {
		return
	}
	if l.jumpCount+len(fr.jumps) > MaxJumpValues {
		l.jumpsOver, l.jumps = true, jumpStore{}
		l.finding(Finding{Source: Source{File: fr.s.File}, Department: fr.s.Department, Period: fr.s.Period.String(), Rule: RuleNotChecked, Severity: Warning,
			Fields: Fields{"check": Text{"逐行与本年其他月份比较的合理性核对（本月数异常）", "the plausibility check of each row's month against its other months (month jump)"}, "limit": MaxJumpValues}})
		return
	}
	s := &l.jumps
	if s.years == nil {
		s.years, s.indOf = map[string]*jumpYear{}, map[string]int32{}
	}
	p := fr.s.Period
	g := fr.s.Department
	y := s.years[g]
	if y == nil {
		y = &jumpYear{index: map[hashKey]int32{}}
		s.years[g] = y
	}
	for _, v := range fr.jumps {
		ri, ok := y.index[v.key]
		if !ok {
			ri = int32(len(y.rows))
			y.rows = append(y.rows, jumpRow{ind: s.indIndex(v.ind), head: -1, later: true})
			y.index[v.key] = ri
		}
		r := &y.rows[ri]
		jm := s.put(p, v)
		if v.note != "" {
			if s.notes == nil {
				s.notes = map[Source]string{}
			}
			s.notes[v.src] = v.note
		}
		if r.head < 0 || !r.later || s.month(r.head).at >= jm.at {
			i := r.head
			for i >= 0 && s.month(i).at != jm.at {
				i = s.month(i).next
			}
			if i >= 0 { // the month again (a later file of it): the later figure
				jm.next = s.month(i).next
				*s.month(i) = jm
				continue
			}
			if r.head >= 0 {
				r.later = false // an earlier month after a later one
			}
		}
		jm.next = r.head
		r.head = s.add(jm)
		l.jumpCount++
	}
}

// spread reports whether two positive months of ms less than 24 months
// apart (the farthest a month and one it is compared with can be: the
// twelve before it, or the rest of its year) are ratio times apart or
// more: without such a pair no month of the row can be out of line.
func (s *jumpStore) spread(ms []jumpMonth, ratio decimal.Decimal) bool {
	for i := range ms {
		lo := s.value(&ms[i])
		if lo.Sign() <= 0 {
			continue
		}
		var times Num
		fast := false
		if r := ratio.IntPart(); ratio.IsInteger() && r > 0 && r < 1<<20 {
			if c, e, ok := lo.Small(); ok && c < math.MaxInt64/r {
				times, fast = NewNum(c*r, e), true
			}
		}
		for j := range ms {
			if j == i || ms[j].at-ms[i].at >= 24 || ms[i].at-ms[j].at >= 24 {
				continue
			}
			hi := s.value(&ms[j])
			if hi.Sign() <= 0 {
				continue
			}
			if fast {
				if hi.Cmp(times) >= 0 {
					return true
				}
			} else if hi.Decimal().Cmp(lo.Decimal().Mul(ratio)) >= 0 {
				return true
			}
		}
	}
	return false
}

// checkJumps reports every month figure far out of line with its row's
// other nonzero months within a year of it (month_jump), across a year's
// end when the earlier year's months are in the run.
func (l *Ledger) checkJumps() {
	pl := l.spec.Plausibility
	s := &l.jumps
	if s.years == nil || pl.JumpRatio.Sign() <= 0 {
		return
	}
	least := max(pl.JumpMinMonths, 1)
	// Only a row whose largest positive month is at least JumpRatio times
	// its smallest can have a month out of line (the median of any of its
	// other months lies between the two, and the bar across a year's end
	// is higher still); the others are passed over without a decimal made.
	type cand struct {
		dept   string
		row    int32 // in the department's jumpYear.rows
		ind    string
		months []jumpMonth // by month
		first  string      // where the first month is, for the order
	}
	var cands []cand
	var ms []jumpMonth
	for dept, y := range s.years {
		for ri, r := range y.rows {
			ms = ms[:0]
			for i := r.head; i >= 0; i = s.month(i).next {
				ms = append(ms, *s.month(i))
			}
			if len(ms) <= least {
				continue // too few months to have enough others
			}
			pos := 0
			for i := range ms {
				if s.value(&ms[i]).Sign() > 0 {
					pos++
				}
			}
			if pos <= least || !s.spread(ms, pl.JumpRatio) {
				continue
			}
			c := cand{dept: dept, row: int32(ri), ind: s.inds[r.ind], months: append([]jumpMonth(nil), ms...)}
			sort.Slice(c.months, func(i, j int) bool { return c.months[i].at < c.months[j].at })
			src := s.source(&c.months[0])
			c.first = src.File + "\x00" + src.Sheet + "\x00" + src.Cell + "\x00" + c.ind
			cands = append(cands, c)
		}
	}
	// Findings are put in report order later; this order (by where each
	// row's first month is, not by the hashes, whose seeds vary by run)
	// keeps what the bounds on findings keep the same in every run.
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.dept != b.dept {
			return a.dept < b.dept
		}
		return a.first < b.first
	})
	for _, c := range cands {
		def, ok := l.spec.Indicator(c.ind)
		if !ok {
			continue
		}
		// Each month's figure as a decimal once, not once per month it is
		// compared with.
		ds := make([]decimal.Decimal, len(c.months))
		for i := range c.months {
			if v := s.value(&c.months[i]); v.Sign() > 0 {
				ds[i] = v.Decimal()
			}
		}
		for i := range c.months {
			jm := &c.months[i]
			v := s.value(jm)
			if v.Sign() <= 0 || s.byCarry[carryJump{c.dept, c.row, jm.at}] {
				continue
			}
			// The row's other nonzero months of the year; too few, and
			// those of the twelve months before it, across the year's end.
			year := jm.at / 12
			var same, recent []decimal.Decimal
			for j := range c.months {
				o := &c.months[j]
				if o.at == jm.at || s.value(o).Sign() <= 0 {
					continue
				}
				if o.at/12 == year {
					same = append(same, ds[j])
					recent = append(recent, ds[j])
				} else if o.at < jm.at && o.at > jm.at-12 {
					recent = append(recent, ds[j])
				}
			}
			others, ratio, across := same, pl.JumpRatio, false
			if len(same) < least {
				others, ratio, across = recent, pl.JumpRatio.Mul(decimal.NewFromInt(acrossYears)), true
			}
			if len(others) < least {
				continue
			}
			opl := pl
			opl.JumpRatio = ratio
			if f, ok := jumpFinding(ds[i], median(others), opl, def); ok {
				if across {
					f.Fields["months"] = Text{"前 12 个月内（含上年）其他月份", "other months of the twelve before it (the previous year's included)"}
				}
				p := Period{int(jm.at / 12), int(jm.at%12) + 1}
				f.Source, f.Department, f.Period, f.Raw = s.source(jm), c.dept, p.String(), v.String()
				f.Explanation = s.notes[f.Source]
				l.finding(f)
				l.markDoubtful(c.dept, c.ind, p, f.Source, RuleMonthJump, f.Explanation)
			}
		}
	}
}

// carryJumps checks each 本月 of a file filled in a `template --from`
// template against the months before it in the year as the template
// carried them — last month's 本年累计 divided by the months it spans —
// (the run may hold none of them: a department's file checked alone still
// has a figure in 元 typed into a 万元 column found). A month it finds is
// not found again by checkJumps. One average is a weaker yardstick than a
// median of months, so the bar is higher (JumpRatio × carryBar: 100 by
// default) and only upward. Not the 1,000 across a year's end: a slip
// multiplies the month's own figure by 10⁴, and a month below the year's
// average so far (a newcomer's 213.19 万元 typed as 213190, 889 times the
// average; the real-writer corpus's planted slip, 925 times) passed it.
// On the sample's 4,532 clean row-months the largest month is 2.0 times
// its average, on the real-writer corpus 12.4.
func (l *Ledger) carryJumps(fr *FileRead) {
	pl := l.spec.Plausibility
	cur, p := fr.cur, fr.s.Period
	if cur == nil || cur.carries == nil || pl.JumpRatio.Sign() <= 0 || p.Month < 2 {
		return
	}
	var y *jumpYear // the row's months, this one among them (keepJumps came first)
	if l.jumps.years != nil {
		y = l.jumps.years[fr.s.Department]
	}
	before := int64(p.Month - 1)
	opl := pl
	opl.JumpRatio = pl.JumpRatio.Mul(decimal.NewFromInt(carryBar))
	for _, v := range fr.jumps {
		carry, ok := cur.carries[v.key]
		if !ok || carry.Sign() <= 0 || v.value.Sign() <= 0 {
			continue
		}
		def, ok := l.spec.Indicator(v.ind)
		if !ok {
			continue
		}
		// Only a month far above the average: one far below it may be a
		// quiet month of a row whose year came in one payment (the
		// average, unlike a median, counts that payment in every month).
		avg, month := carry.Decimal().DivRound(decimal.NewFromInt(before), 4), v.value.Decimal()
		if month.LessThan(avg.Mul(opl.JumpRatio)) {
			continue
		}
		f, ok := jumpFinding(month, avg, opl, def)
		if !ok {
			continue
		}
		span, spanEn := "1 月", "month 1"
		if before > 1 {
			span, spanEn = fmt.Sprintf("1–%d 月", before), fmt.Sprintf("months 1–%d", before)
		}
		f.Fields["months"] = Text{fmt.Sprintf("%s（模板所载上月本年累计 %s ÷ %d）", span, carry.Decimal(), before),
			fmt.Sprintf("%s (the template's carried 本年累计 %s ÷ %d)", spanEn, carry.Decimal(), before)}
		f.Fields["stat"] = Text{"月均数", "monthly average"}
		f.Source, f.Department, f.Period, f.Raw = v.src, fr.s.Department, p.String(), v.value.String()
		f.Explanation = v.note
		l.finding(f)
		l.markDoubtful(fr.s.Department, v.ind, p, v.src, RuleMonthJump, v.note)
		if y != nil {
			if ri, ok := y.index[v.key]; ok {
				if l.jumps.byCarry == nil {
					l.jumps.byCarry = map[carryJump]bool{}
				}
				l.jumps.byCarry[carryJump{fr.s.Department, ri, int32(p.Year*12 + p.Month - 1)}] = true
			}
		}
	}
}

// jumpFinding decides one month v against the median of the row's other
// months: out of line by the ratio, and by at least the floor.
func jumpFinding(v, med decimal.Decimal, pl Plausibility, def *Indicator) (Finding, bool) {
	if med.Sign() <= 0 || v.Sub(med).Abs().LessThan(pl.JumpFloor) {
		return Finding{}, false
	}
	fields := Fields{"value": v.String(), "median": med.String(), "unit": def.Unit.Name, "months": Text{"其他月份", "other months"}, "stat": Text{"中位数", "median"}}
	switch {
	case v.Cmp(med.Mul(pl.JumpRatio)) >= 0:
		fields["times"] = v.DivRound(med, 0).String()
		fields["hint"] = Text{"请核实是否误按元填写（单位为" + def.Unit.Name + "）", "check it was not typed in 元 (the unit is " + def.Unit.Name + ")"}
		if def.Unit.Exp == 0 {
			fields["hint"] = Text{"请核实是否多输了位数", "check for extra digits"}
		}
		return Finding{Rule: RuleMonthJump, Severity: Warning, Fields: fields}, true
	case v.Mul(pl.JumpRatio).Cmp(med) <= 0:
		fields["times"] = "1/" + med.DivRound(v, 0).String()
		fields["hint"] = Text{"请核实单位（是否误按更大的单位填写）或是否少输了位数", "check the unit (typed in a larger one?) or missing digits"}
		return Finding{Rule: RuleMonthJump, Severity: Warning, Fields: fields}, true
	}
	return Finding{}, false
}

// median is the middle of xs (the mean of the two middles for an even
// count), exact.
func median(xs []decimal.Decimal) decimal.Decimal {
	sort.Slice(xs, func(i, j int) bool { return xs[i].LessThan(xs[j]) })
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return xs[n/2-1].Add(xs[n/2]).Div(decimal.NewFromInt(2))
}

package reconcile

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// MergeOptions tune a roll-up.
type MergeOptions struct {
	Name string // the parent's name (西青区); defaults to "汇总"
	// AsOf is the last month rolled up; the zero value means the latest
	// as-of month of the nodes.
	AsOf Period
	// Expect names the nodes the parent expects (its towns); one without a
	// workbook is missing for every month, like a missing department.
	Expect []string
}

// Rollup is a parent's consolidation of its nodes: a Result like a
// town's (no claims: a parent checks no report), the parts each figure
// adds up, and each node's figures for the by-node sheet.
type Rollup struct {
	*Result
	Parts  []Part
	Nodes  []NodeFigures
	absent []string // expected nodes without a workbook
}

// NodeFigures are one accepted node's figures, in the parent's indicator
// order.
type NodeFigures struct {
	Name   string
	File   string
	Series []Series
}

// Input statuses of a roll-up.
const Refused = "refused"

// Merge rolls nodes up into their parent (节点汇总): exact sums per
// indicator and month over the nodes accepted. A node is refused — listed,
// its figures left out and the parent's marked incomplete — when its
// verification found an error, when it consolidates another year, when its
// indicator definitions differ from most nodes' (on a tie, from the first's
// in name order), or when its name or one of its origins was already taken.
// A node with errors of its own, a node without some months and an
// expected node without a workbook are findings. The result does not depend
// on the order of nodes, and merging merges gives the figures and parts of
// merging the towns at once (parts are ordered by origin).
func Merge(nodes []Node, opt MergeOptions) *Rollup {
	sorted := append([]Node(nil), nodes...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Name != sorted[j].Name {
			return sorted[i].Name < sorted[j].Name
		}
		return sorted[i].File < sorted[j].File
	})
	name := opt.Name
	if name == "" {
		name = "汇总"
	}
	asOf := opt.AsOf
	if asOf.Year == 0 {
		for _, n := range sorted {
			if !n.Refused() && asOf.Before(n.AsOf) {
				asOf = n.AsOf
			}
		}
	}
	res := &Result{AsOf: asOf}
	roll := &Rollup{Result: res}
	ref := reference(sorted, asOf.Year)
	refFixed := ref != nil
	taken := map[string]string{} // origin → the node that brought it
	var accepted []*Node
	for i := range sorted {
		n := &sorted[i]
		in := Input{File: n.File, Department: n.Name, Period: n.AsOf.String(), Rows: n.Summary.Rows, SHA256: n.SHA256, Status: "ok"}
		res.Findings = append(res.Findings, n.Findings...)
		refuse := func(f *Finding) {
			if f != nil {
				res.Findings = append(res.Findings, *f)
			}
			in.Status = Refused
		}
		at := func(rule Rule, fields Fields) *Finding {
			return &Finding{Source: Source{File: n.File}, Department: n.Name, Period: n.AsOf.String(), Rule: rule, Severity: Error, Fields: fields}
		}
		switch {
		case n.Refused():
			refuse(nil)
		case n.AsOf.Year != asOf.Year:
			refuse(at(RuleNodeYear, Fields{"year": n.AsOf.Year, "our_year": asOf.Year}))
		case ref != nil && DefinitionsDigest(n.Defs) != DefinitionsDigest(ref.Defs):
			refuse(at(RuleNodeDefs, Fields{"node": ref.Name, "diff": defsDiff(ref.Defs, n.Defs)}))
		default:
			if prev := overlap(taken, n); prev != "" {
				refuse(at(RuleNodeDuplicate, Fields{"node": n.Name, "used": prev}))
				break
			}
			for _, o := range origins(n) {
				taken[o] = n.File
			}
			if !refFixed {
				ref, refFixed = n, true
			}
			accepted = append(accepted, n)
			if n.Summary.Errors > 0 {
				res.Findings = append(res.Findings, *at(RuleNodeErrors, Fields{"node": n.Name, "n": n.Summary.Errors}))
			}
			res.Findings = append(res.Findings, carried(n)...)
		}
		res.Inputs = append(res.Inputs, in)
	}
	roll.missing(sorted, opt.Expect)
	spec := &Spec{Town: name, Year: asOf.Year}
	if ref != nil {
		spec.Indicators = ref.Defs
	}
	res.Spec = spec
	roll.sum(accepted, sorted)
	roll.checkJumps(accepted)
	roll.markMissing()
	roll.summarise(sorted)
	return roll
}

// missing reports each expected node that sent no workbook.
func (r *Rollup) missing(nodes []Node, expect []string) {
	have := map[string]bool{}
	for _, n := range nodes {
		have[n.Name] = true
	}
	sorted := append([]string(nil), expect...)
	sort.Strings(sorted)
	for i, name := range sorted {
		if name == "" || have[name] || i > 0 && sorted[i-1] == name {
			continue
		}
		r.absent = append(r.absent, name)
		from, to := Period{r.AsOf.Year, 1}, r.AsOf
		r.Findings = append(r.Findings, Finding{Department: name, Period: to.String(), Rule: RuleNodeMissing, Severity: Error,
			Fields: Fields{"node": name, "from": from.String(), "to": to.String()}})
	}
}

// markMissing marks every figure incomplete for each absent node and
// lists it as missing on the submissions sheet.
func (r *Rollup) markMissing() {
	for _, name := range r.absent {
		for m := 1; m <= r.AsOf.Month; m++ {
			p := Period{r.AsOf.Year, m}
			for i := range r.Series {
				r.Series[i].Months[m].Incomplete = appendUnique(r.Series[i].Months[m].Incomplete,
					Text{"缺节点：" + name + " " + p.String(), "missing node: " + name + " " + p.String()})
			}
			r.Status = append(r.Status, SubmissionState{Department: name, Period: p, State: Missing})
		}
		for i := range r.Series {
			s := &r.Series[i]
			s.YTD.Incomplete = appendUnique(s.YTD.Incomplete, Text{"缺节点：" + name, "missing node: " + name})
			s.Years[r.AsOf.Year] = s.YTD
		}
	}
}

// sum adds the accepted nodes' figures and parts, and marks what the
// refused and the short ones leave out.
func (r *Rollup) sum(accepted []*Node, all []Node) {
	res := r.Result
	asOf := res.AsOf
	for i := range res.Spec.Indicators {
		def := &res.Spec.Indicators[i]
		s := Series{Indicator: def, Year: asOf.Year, Years: map[int]Figure{}}
		r.Series = append(r.Series, s)
	}
	for _, n := range accepted {
		nf := NodeFigures{Name: n.Name, File: n.File}
		for i := range res.Series {
			ps := &res.Series[i]
			ns := n.series(ps.Indicator.Code)
			if ns == nil {
				continue
			}
			if n.AsOf.Month > asOf.Month {
				ns = upTo(ns, asOf.Month) // a node consolidated further than its parent
			}
			nf.Series = append(nf.Series, *ns)
			for m := 1; m <= asOf.Month; m++ {
				ps.Months[m].add(ns.Months[m])
			}
		}
		r.Nodes = append(r.Nodes, nf)
		for m := n.AsOf.Month + 1; m <= asOf.Month; m++ {
			p := Period{asOf.Year, m}
			res.Findings = append(res.Findings, Finding{Source: Source{File: n.File}, Department: n.Name, Period: p.String(),
				Rule: RuleNodeMonth, Severity: Error, Fields: Fields{"node": n.Name, "month": p.String(), "through": n.AsOf.String()}})
			for i := range res.Series {
				res.Series[i].Months[m].Incomplete = appendUnique(res.Series[i].Months[m].Incomplete,
					Text{"缺节点：" + n.Name + " " + p.String(), "missing node: " + n.Name + " " + p.String()})
			}
		}
		r.Parts = append(r.Parts, n.parts(asOf)...)
	}
	for _, n := range all {
		if n.Refused() || !isAccepted(accepted, &n) {
			for i := range res.Series {
				for m := 1; m <= asOf.Month; m++ {
					res.Series[i].Months[m].Incomplete = appendUnique(res.Series[i].Months[m].Incomplete,
						Text{"拒收：" + n.File, "refused: " + n.File})
				}
			}
		}
	}
	for i := range res.Series {
		s := &res.Series[i]
		if s.Indicator.Aggregation == Latest {
			s.YTD = s.Months[asOf.Month]
		} else {
			for m := 1; m <= asOf.Month; m++ {
				s.YTD.add(s.Months[m])
			}
		}
		s.Years[asOf.Year] = s.YTD
	}
	// By origin, then as each node lists them: the same order however the
	// towns were grouped on the way up.
	sort.SliceStable(r.Parts, func(i, j int) bool {
		a, b := r.Parts[i], r.Parts[j]
		if a.Origin != b.Origin {
			return a.Origin < b.Origin
		}
		return a.Workbook < b.Workbook
	})
	for _, n := range all {
		for m := 1; m <= asOf.Month; m++ {
			st := SubmissionState{Department: n.Name, Period: Period{asOf.Year, m}, State: Submitted, File: n.File}
			switch {
			case !isAccepted(accepted, &n):
				st.State = Rejected
			case m > n.AsOf.Month:
				st.State = Missing
			case n.Summary.Errors > 0:
				st.State = Rejected
			}
			res.Status = append(res.Status, st)
		}
	}
}

func isAccepted(ns []*Node, n *Node) bool {
	for _, x := range ns {
		if x.File == n.File && x.Name == n.Name && x.SHA256 == n.SHA256 {
			return true
		}
	}
	return false
}

func (n *Node) series(code string) *Series {
	for i := range n.Series {
		if n.Series[i].Indicator.Code == code {
			return &n.Series[i]
		}
	}
	return nil
}

// parts are what the node brings up: a town's 汇总 month cells, or a
// roll-up's own parts with the roll-up added to their way.
func (n *Node) parts(asOf Period) []Part {
	if n.Rollup {
		out := make([]Part, 0, len(n.Parts))
		for _, p := range n.Parts {
			if p.Via == "" {
				p.Via = n.File
			} else {
				p.Via += " › " + n.File
			}
			out = append(out, p)
		}
		return out
	}
	var out []Part
	for i := range n.Series {
		s := &n.Series[i]
		refs := n.Cells[s.Indicator.Code]
		for m := 1; m <= min(asOf.Month, n.AsOf.Month); m++ {
			if !s.Months[m].Has {
				continue
			}
			out = append(out, Part{Origin: n.Name, Workbook: n.File, SHA256: n.SHA256, Sheet: figureSheet(n), Cell: refs[m],
				Indicator: s.Indicator.Code, Period: Period{asOf.Year, m}, Value: s.Months[m].Value})
		}
	}
	return out
}

// figureSheet is the name of a town's 汇总 sheet, which its parts point
// into, as its seal names it.
func figureSheet(n *Node) string {
	if n.FiguresSheet != "" {
		return n.FiguresSheet
	}
	return "汇总"
}

// origins are the towns a node stands for: itself, or a roll-up's
// parts' origins.
func origins(n *Node) []string {
	if !n.Rollup {
		return []string{n.Name}
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range n.Parts {
		if !seen[p.Origin] {
			seen[p.Origin] = true
			out = append(out, p.Origin)
		}
	}
	return out
}

func overlap(taken map[string]string, n *Node) string {
	if prev, ok := taken["node:"+n.Name]; ok {
		return prev
	}
	for _, o := range origins(n) {
		if prev, ok := taken[o]; ok {
			return prev
		}
	}
	taken["node:"+n.Name] = n.File
	return ""
}

func defsDiff(a, b []Indicator) string {
	am := map[string]string{}
	for i := range a {
		am[a[i].Code] = strings.Join(DefinitionCells(&a[i]), "/")
	}
	var diff []string
	seen := map[string]bool{}
	for i := range b {
		code := b[i].Code
		seen[code] = true
		if got := strings.Join(DefinitionCells(&b[i]), "/"); am[code] != got {
			diff = append(diff, code)
		}
	}
	for i := range a {
		if !seen[a[i].Code] {
			diff = append(diff, a[i].Code)
		}
	}
	if len(diff) == 0 {
		return "indicator order"
	}
	return strings.Join(diff, ", ")
}

func (r *Rollup) summarise(all []Node) {
	res := r.Result
	s := &res.Summary
	for i := range res.Inputs {
		in := &res.Inputs[i]
		n := &all[i]
		s.Rows += n.Summary.Rows
		if in.Status == Refused {
			s.RowsRejected += n.Summary.Rows
			s.Unreadable++
			continue
		}
		s.RowsConsolidated += n.Summary.RowsConsolidated
		s.RowsRejected += n.Summary.RowsRejected
	}
	flagged := map[string]bool{}
	for _, f := range res.Findings {
		if f.Severity != Info {
			flagged[f.File] = true
		}
	}
	for i := range res.Inputs {
		if in := &res.Inputs[i]; in.Status == "ok" && flagged[in.File] {
			in.Status = "findings"
		}
	}
	s.Files = len(res.Inputs)
	for _, f := range res.Findings {
		s.Findings++
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		}
	}
	if s.Rows != s.RowsConsolidated+s.RowsRejected {
		panic(Bugf("roll-up of %d rows: %d consolidated + %d rejected", s.Rows, s.RowsConsolidated, s.RowsRejected))
	}
}

// upTo is a series cut at month last, its year to date recomputed.
func upTo(s *Series, last int) *Series {
	c := *s
	c.YTD = Figure{}
	for m := last + 1; m <= 12; m++ {
		c.Months[m] = Figure{}
	}
	if c.Indicator.Aggregation == Latest {
		c.YTD = c.Months[last]
	} else {
		for m := 1; m <= last; m++ {
			c.YTD.add(c.Months[m])
		}
	}
	return &c
}

// reference is the node whose indicator definitions the parent takes: those
// most nodes of the year share; on a tie, the first node's in name order.
func reference(nodes []Node, year int) *Node {
	count := map[string]int{}
	var first []string
	for i := range nodes {
		n := &nodes[i]
		if n.Refused() || n.AsOf.Year != year {
			continue
		}
		d := DefinitionsDigest(n.Defs)
		if count[d] == 0 {
			first = append(first, d)
		}
		count[d]++
	}
	best := ""
	for _, d := range first {
		if best == "" || count[d] > count[best] {
			best = d
		}
	}
	for i := range nodes {
		if !nodes[i].Refused() && nodes[i].AsOf.Year == year && DefinitionsDigest(nodes[i].Defs) == best {
			return &nodes[i]
		}
	}
	return nil
}

// carried are a node's own errors and warnings as the parent's findings:
// a count of its warnings, and each error and warning its seal carries,
// at its department's cell and with its rule, named with the node. A
// district auditor sees at the district what each town was warned of (a
// firm's tax typed in 元 is a town's month_jump at a cell, and a tenfold
// month in the district's total). A node written before seals carried
// them says so; checkJumps then looks at its figures.
func carried(n *Node) []Finding {
	var out []Finding
	if w := n.Summary.Warnings; w > 0 {
		where := Text{"（逐条见下）", " (each listed below)"}
		switch {
		case !n.CarriesFindings:
			where = Text{"（其工作簿由较早版本的 tally 写出，未带各条警告，见其问题清单）", " (its workbook, written by an earlier tally, does not carry them: see its findings)"}
		case n.CarriedLeft > 0:
			where = Text{fmt.Sprintf("（逐条见下；另有 %d 条超出上限 %d 未带出，见其问题清单）", n.CarriedLeft, MaxCarriedFindings),
				fmt.Sprintf(" (each listed below; %d more past the limit of %d are not carried: see its findings)", n.CarriedLeft, MaxCarriedFindings)}
		}
		out = append(out, Finding{Source: Source{File: n.File}, Department: n.Name, Period: n.AsOf.String(), Rule: RuleNodeWarnings, Severity: Warning,
			Fields: Fields{"node": n.Name, "n": w, "where": where}})
	}
	for _, c := range n.Carried {
		dept := ""
		if c.Department != "" {
			dept = " " + c.Department
		}
		out = append(out, Finding{Source: Source{File: c.File, Sheet: c.Sheet, Cell: c.Cell}, Department: n.Name, Period: c.Period,
			Rule: RuleNodeFinding, Severity: c.Severity, Fields: Fields{"node": n.Name, "dept": dept, "rule": string(c.Rule), "message": c.Message}})
	}
	return out
}

// checkJumps runs the month-jump check (rollup_month_jump, month_jump's
// test with the built-in spec's
// thresholds: a node's workbook does not carry its spec's) over the
// parent's own totals of each flow indicator, and over the figures of each
// node whose warnings did not travel (a workbook from before seals
// carried them): a month out of line in a roll-up is found at the roll-up.
func (r *Rollup) checkJumps(accepted []*Node) {
	check := func(s *Series, file, sheet string, refs map[int]string, dept string, whose Text) {
		if s.Indicator == nil || s.Indicator.Aggregation == Latest {
			return
		}
		pl := DefaultPlausibility
		for m := 1; m <= r.AsOf.Month; m++ {
			v := s.Months[m]
			if !v.Has || v.Value.Sign() <= 0 {
				continue
			}
			var others []decimal.Decimal
			for o := 1; o <= r.AsOf.Month; o++ {
				if o != m && s.Months[o].Has && s.Months[o].Value.Sign() > 0 {
					others = append(others, s.Months[o].Value)
				}
			}
			if len(others) < pl.JumpMinMonths {
				continue
			}
			if f, ok := jumpFinding(v.Value, median(others), pl, s.Indicator); ok {
				p := Period{r.AsOf.Year, m}
				f.Rule, f.Fields["whose"], f.Fields["indicator"], f.Fields["month"] = RuleRollupJump, whose, s.Indicator.Name, p.String()
				f.Source = Source{File: file, Sheet: sheet, Cell: refs[m]}
				f.Department, f.Period, f.Raw = dept, p.String(), v.Value.String()
				r.Findings = append(r.Findings, f)
			}
		}
	}
	for _, n := range accepted {
		if n.CarriesFindings {
			continue
		}
		for i := range n.Series {
			s := &n.Series[i]
			refs := map[int]string{}
			if s.Indicator != nil {
				if cells, ok := n.Cells[s.Indicator.Code]; ok {
					for m := 1; m <= 12; m++ {
						refs[m] = cells[m]
					}
				}
			}
			check(s, n.File, n.FiguresSheet, refs, n.Name, Text{"节点 " + n.Name + " 的", "node " + n.Name + "'s "})
		}
	}
	for i := range r.Series {
		check(&r.Series[i], "", "", nil, r.Spec.Town, Text{r.Spec.Town + "汇总的", r.Spec.Town + "'s consolidated "})
	}
}

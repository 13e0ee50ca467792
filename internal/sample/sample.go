// Package sample generates the sample year in testdata/submissions: every
// department's monthly files for the spec's year and the annual history
// files, in the templates' layout, agreeing with the 2020 report except for
// the findings planted on purpose (listed in testdata/README.md). It is
// deterministic: the same spec gives the same files, byte for byte.
package sample

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// rng is splitmix64: small, fixed and the same everywhere.
type rng uint64

func (r *rng) next() uint64 {
	*r += 0x9e3779b97f4a7c15
	z := uint64(*r)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// between returns an integer in [lo, hi].
func (r *rng) between(lo, hi int64) int64 { return lo + int64(r.next()%uint64(hi-lo+1)) }

// yearPlan is what the sample year holds for one year: each flow's year
// total (only the first months are written), the stocks' month-end levels,
// and the stocks that grow by a flow from a base.
type yearPlan struct {
	year      int
	months    int // months written: 12 for 2020, January–June for 2021
	flows     map[string]int64
	stocks    map[string][12]int64
	stockBase map[string]int64
}

// Year totals, in hundredths of the indicator's unit for amounts (万元 to
// two decimals) and whole units for counts.
var flows2020 = map[string]int64{
	"tax":                 15187346,  // 15.19亿: within 预计 15.2亿
	"budget_revenue":      3301255,   // 3.30亿
	"fai":                 117964218, // 117.96亿: within 118亿
	"industrial_output":   170308852, // 170.31亿: PLANTED outside 预计 169亿 (168.5–169.5)
	"retail_sales":        152987633, // 152.99亿: within 153亿
	"domestic_investment": 98041270,  // 98.04亿: within 98亿
	"new_jobs":            1211,
	"medical_insurance":   21346, // 2万余人
	"employee_pension":    3187,
	"resident_pension":    1766,
	"sme_new":             99,
	"eagle_new":           58,
	"leader_new":          1,
	"specialized_new":     3,
}

// History: the 年报 figures for 2015–2019 (same units as flows2020), chosen
// so that the 十三五 sums and growth rates agree with the report.
var history = map[string][5]int64{
	"tax":                 {7683500, 10450012, 12530040, 14210077, 15622525},
	"budget_revenue":      {1791800, 2200000, 2500000, 2800000, 3088745},
	"fai":                 {44920600, 60000000, 85000000, 102000000, 115035782},
	"industrial_output":   {73870000, 100000000, 118000000, 130000000, 135691148},
	"retail_sales":        {78130000, 90000000, 105000000, 120000000, 138000000},
	"domestic_investment": {42000000, 48000000, 58000000, 70000000, 79960000}, // 十三五 sum 354亿 with 2020
	"new_jobs":            {702, 780, 805, 812, 794},
	"above_scale":         {54, 62, 70, 78, 85},
}

var plans = []yearPlan{
	{year: 2020, months: 12, flows: flows2020,
		stocks: map[string][12]int64{
			"above_scale":    {88, 88, 89, 89, 90, 91, 91, 92, 92, 93, 93, 94},
			"hightech_total": {52, 52, 53, 54, 54, 55, 56, 57, 58, 58, 59, 60},
		},
		stockBase: map[string]int64{"sme_total": 64, "eagle_total": 62}},
	// 2021, for the monthly job against the 2021 targets. The year totals
	// are the pace the first half is on: 固定资产投资 at 76亿 a year trails
	// its 100亿 target (滞后); the others keep up with elapsed time.
	{year: 2021, months: 6, flows: map[string]int64{
		"tax":                 15012000,
		"budget_revenue":      3350000,
		"fai":                 76000000,
		"industrial_output":   172400000,
		"retail_sales":        158600000,
		"domestic_investment": 60000000,
		"new_jobs":            1180,
		"medical_insurance":   21000,
		"employee_pension":    3100,
		"resident_pension":    1700,
		"sme_new":             60,
		"eagle_new":           36,
		"leader_new":          2,
		"specialized_new":     4,
	},
		stocks: map[string][12]int64{
			"above_scale":    {94, 94, 95, 95, 96, 97},
			"hightech_total": {60, 61, 61, 62, 63, 64},
		},
		stockBase: map[string]int64{"sme_total": 163, "eagle_total": 120}},
}

// Plants: where the sample deliberately breaks, so every check has a case.
var (
	// missing department-months: 科技科 2020-08, 劳动保障所 2021-05.
	missing = map[string]bool{"kjk|2020-08": true, "ldbz|2021-05": true}
	// late: 招商办 saves April 2021 on 12 May, past the 5th.
	late = map[string]string{"zsb|2021-04": "2021-05-12"}
)

// Generate writes the sample year for spec s into dir.
func Generate(s *reconcile.Spec, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	g := &gen{s: s, r: rng(2020), cells: map[int]map[string][][12]map[int]int64{}, names: map[string][]entity{}}
	for i := range plans {
		g.plan(&plans[i])
	}
	for _, d := range s.Departments {
		for _, pl := range plans {
			for m := 1; m <= pl.months; m++ {
				p := reconcile.Period{Year: pl.year, Month: m}
				if missing[d.Code+"|"+p.String()] {
					continue
				}
				if err := g.write(dir, &d, p, &pl); err != nil {
					return err
				}
			}
		}
		for _, y := range s.History {
			if err := g.write(dir, &d, reconcile.Period{Year: y}, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// savedOn is the date a department saves its file: the 3rd of the next
// month (the deadline is the 5th), or 20 January for a 年报.
func savedOn(dept string, p reconcile.Period) string {
	if d, ok := late[dept+"|"+p.String()]; ok {
		return d
	}
	if !p.IsMonth() {
		return fmt.Sprintf("%d-01-20", p.Year+1)
	}
	next := reconcile.Period{Year: p.Year, Month: p.Month + 1}
	if p.Month == 12 {
		next = reconcile.Period{Year: p.Year + 1, Month: 1}
	}
	return next.String() + "-03"
}

type gen struct {
	s *reconcile.Spec
	r rng
	// cells[year][table][entity][month 0–11][column] in hundredths or units.
	cells map[int]map[string][][12]map[int]int64
	names map[string][]entity
}

type entity struct{ name, code string }

func (g *gen) write(dir string, d *reconcile.Department, p reconcile.Period, pl *yearPlan) error {
	tables := d.TablesFor(p)
	if len(tables) == 0 {
		return nil
	}
	fill := templates.Fill{}
	for _, t := range tables {
		fill[t.ID] = g.content(t, p, pl)
	}
	plant(fill, d.Code, p)
	f, err := build(g.s, d, p, fill)
	if err != nil {
		return err
	}
	defer f.Close()
	saved := savedOn(d.Code, p) + "T09:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{Creator: d.Name, Created: saved, Modified: saved}); err != nil {
		return err
	}
	return f.SaveAs(filepath.Join(dir, templates.FileName(d, p)))
}

// scaleOf is 2 for amounts kept to hundredths here, 0 for counts.
func (g *gen) scaleOf(ind string) int32 {
	def, _ := g.s.Indicator(ind)
	if def.Unit.Base == "元" {
		return 2
	}
	return 0
}

func (g *gen) value(ind string, v int64) templates.Value {
	return templates.Value{Number: decimal.New(v, -g.scaleOf(ind))}
}

// content fills one table for one period.
func (g *gen) content(t *reconcile.Table, p reconcile.Period, pl *yearPlan) *templates.Table {
	if !p.IsMonth() {
		return g.annual(t, p.Year)
	}
	m := p.Month - 1
	cells := g.cells[p.Year][t.ID]
	if t.Rows == reconcile.Indicators {
		return g.indicatorMonth(t, m, cells, pl)
	}
	out := &templates.Table{Total: map[int]templates.Value{}}
	sums := map[int]int64{}
	for e, ent := range g.names[t.ID] {
		row := templates.Row{Name: ent.name, Code: ent.code, Values: map[int]templates.Value{}}
		for ci, c := range t.Columns {
			if c.Role != reconcile.RoleValue {
				continue
			}
			v := cells[e][m][ci]
			if c.Measure == reconcile.YTDValue {
				v = 0
				for k := 0; k <= m; k++ {
					v += cells[e][k][ci-1]
				}
			}
			row.Values[ci] = g.value(c.Indicator, v)
			sums[ci] += v
		}
		out.Rows = append(out.Rows, row)
	}
	for ci, v := range sums {
		out.Total[ci] = g.value(t.Columns[ci].Indicator, v)
	}
	return out
}

func (g *gen) indicatorMonth(t *reconcile.Table, m int, cells [][12]map[int]int64, pl *yearPlan) *templates.Table {
	out := &templates.Table{}
	for li, l := range t.Lines {
		row := templates.Row{Name: l.Label, Values: map[int]templates.Value{}}
		for ci, c := range t.Columns {
			ind := t.IndicatorFor(c, &t.Lines[li])
			if ind == "" {
				continue
			}
			var v int64
			switch c.Measure {
			case reconcile.MonthValue:
				v = cells[li][m][0]
			case reconcile.YTDValue:
				for k := 0; k <= m; k++ {
					v += cells[li][k][0]
				}
			case reconcile.LevelValue:
				if lv, ok := pl.stocks[ind]; ok {
					v = lv[m]
				} else {
					v = pl.stockBase[ind]
					for k := 0; k <= m; k++ {
						v += cells[li][k][0]
					}
				}
			}
			row.Values[ci] = g.value(ind, v)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func (g *gen) annual(t *reconcile.Table, year int) *templates.Table {
	out := &templates.Table{}
	i := year - 2015
	for li, l := range t.Lines {
		row := templates.Row{Name: l.Label, Values: map[int]templates.Value{}}
		for ci, c := range t.Columns {
			ind := t.IndicatorFor(c, &t.Lines[li])
			if h, ok := history[ind]; ok && i >= 0 && i < 5 {
				row.Values[ci] = g.value(ind, h[i])
			}
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// plan draws the entities of every entity table (once: the same enterprises
// every year) and splits each flow's year total over entities and months,
// exactly, in integers.
func (g *gen) plan(pl *yearPlan) {
	cells := map[string][][12]map[int]int64{}
	g.cells[pl.year] = cells
	for _, d := range g.s.Departments {
		for ti := range d.Tables {
			t := &d.Tables[ti]
			if t.Frequency != reconcile.Monthly {
				continue
			}
			if t.Rows == reconcile.Indicators {
				cells[t.ID] = g.planLines(t, pl)
				continue
			}
			ents, ok := g.names[t.ID]
			if !ok {
				ents = g.entities(t)
				g.names[t.ID] = ents
			}
			grid := make([][12]map[int]int64, len(ents))
			for e := range grid {
				for m := range grid[e] {
					grid[e][m] = map[int]int64{}
				}
			}
			for ci, c := range t.Columns {
				if c.Measure != reconcile.MonthValue {
					continue
				}
				split := g.split(pl.flows[c.Indicator], len(ents))
				for e := range ents {
					for m := 0; m < 12; m++ {
						grid[e][m][ci] = split[e][m]
					}
				}
			}
			cells[t.ID] = grid
		}
	}
}

// planLines splits each indicator line's year flow over the months.
func (g *gen) planLines(t *reconcile.Table, pl *yearPlan) [][12]map[int]int64 {
	grid := make([][12]map[int]int64, len(t.Lines))
	for li, l := range t.Lines {
		split := g.split(pl.flows[l.Flow], 1)
		for m := 0; m < 12; m++ {
			grid[li][m] = map[int]int64{0: split[0][m]}
		}
	}
	return grid
}

// split divides total over n entities × 12 months with random weights and
// hands the remainder out one unit at a time, so the parts add up exactly.
func (g *gen) split(total int64, n int) [][12]int64 {
	out := make([][12]int64, n)
	w := make([][12]int64, n)
	var sum int64
	for e := range w {
		size := g.r.between(1, 100)
		for m := range w[e] {
			w[e][m] = size * g.r.between(70, 130)
			sum += w[e][m]
		}
	}
	var given int64
	for e := range w {
		for m := range w[e] {
			out[e][m] = total * w[e][m] / sum
			given += out[e][m]
		}
	}
	for i := 0; given < total; i++ {
		out[i%n][i/n%12]++
		given++
	}
	return out
}

// entities draws the rows of an entity table.
func (g *gen) entities(t *reconcile.Table) []entity {
	switch t.Rows {
	case reconcile.Village:
		return named(villages)
	case reconcile.Item:
		return named(budgetItems)
	case reconcile.Project:
		n := map[string]int{"tjz-fai": 31}[t.ID]
		if n == 0 {
			n = 25
		}
		out := make([]entity, n)
		for i := range out {
			out[i] = entity{name: fmt.Sprintf("%s%s项目", pick(&g.r, projectWords), pick(&g.r, projectKinds))}
			out[i].name = fmt.Sprintf("%s（%02d）", out[i].name, i+1)
		}
		return out
	}
	n := map[string]int{"czs-tax": 40, "tjz-industry": 60, "tjz-retail": 30}[t.ID]
	out := make([]entity, n)
	for i := range out {
		out[i] = entity{
			name: fmt.Sprintf("天津%s%s有限公司", pick(&g.r, firmWords), pick(&g.r, firmKinds)),
			code: creditCode(&g.r),
		}
		out[i].name = fmt.Sprintf("%s（%02d）", out[i].name, i+1)
	}
	return out
}

func named(names []string) []entity {
	out := make([]entity, len(names))
	for i, n := range names {
		out[i] = entity{name: n}
	}
	return out
}

func pick(r *rng, xs []string) string { return xs[r.next()%uint64(len(xs))] }

// creditCode draws a valid unified social credit code registered in
// Xiqing district (120111).
func creditCode(r *rng) string {
	const digits = "0123456789"
	org := make([]byte, 8)
	for i := range org {
		org[i] = digits[r.next()%10]
	}
	return reconcile.NewCreditCode("120111", string(org))
}

var (
	firmWords    = []string{"精武", "学府", "津西", "华信", "鑫源", "盛驰", "润通", "海派", "恒泰", "卓尔", "麦谷", "慧谷", "恒通", "瑞丰", "同创", "博远", "天成", "宏达"}
	firmKinds    = []string{"科技", "精工", "医药", "新材料", "电子", "机械", "商贸", "物流", "食品", "建材"}
	projectWords = []string{"盛驰精工", "润通中药", "海派特", "中电长城", "零级生物", "海龙津阳", "大冢特医", "正威新材料", "新宇彩板", "恒通企业港", "示范小城镇", "学府创新"}
	projectKinds = []string{"生产基地", "研发中心", "扩建", "技术改造", "配套设施", "产业园"}
	villages     = []string{"付村", "姚村", "马家寺村", "牛坨子村", "闫庄子村", "小卞庄村", "宽河村", "孙庄子村", "吴庄子村", "陈台子村", "大卷子村", "刘庄村", "小南河村", "大南河村", "东琉城村", "西琉城村", "凌庄子村", "南河镇村",
		"燕南园社区", "泰泽东里社区", "学畔馨园社区", "开源里社区", "瑞民里社区", "聚贤里社区", "恒益隆庭社区", "广兴佳园社区"}
	budgetItems = []string{"增值税（地方分成）", "企业所得税（地方分成）", "个人所得税（地方分成）", "城市维护建设税", "其他税收收入", "非税收入"}
)

// build renders department d's template for p, filled with fill, as an
// excelize workbook the generator may then edit: the sample's files are
// what the command writes, then typed into as a department would, or
// broken on purpose.
func build(s *reconcile.Spec, d *reconcile.Department, p reconcile.Period, fill templates.Fill) (*excelize.File, error) {
	b, err := templates.Build(s, d, p, fill)
	if err != nil {
		return nil, err
	}
	return workbook.BookFile(b)
}

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
)

// shape is a kind of corpus: how many indicators a sheet has (two columns
// each, 本月 and 本年累计), whether rows carry long texts, whether figures
// are typed as text.
type shape struct {
	name       string
	indicators int
	longText   bool // long names and a 说明 column of a paragraph each row
	asText     bool // every figure typed as text (shared strings), from a small vocabulary
}

var shapes = map[string]shape{
	// regular: 12 columns — name, credit code, five indicators' 本月 and 本年累计.
	"regular": {name: "regular", indicators: 5},
	// wide: 60 columns — name, credit code, 29 indicators.
	"wide": {name: "wide", indicators: 29},
	// text: the regular columns with a long name and a 说明 paragraph per row.
	"text": {name: "text", indicators: 5, longText: true},
	// shared: the regular columns with every figure typed as text, as a
	// system export often has them: almost every cell is a shared string.
	"shared": {name: "shared", indicators: 5, asText: true},
	// tall: the regular columns, one file of 200,000 rows (by default).
	"tall": {name: "tall", indicators: 5},
}

// columns is the number of columns of a sheet of this shape.
func (s shape) columns() int {
	n := 2 + 2*s.indicators
	if s.longText {
		n++
	}
	return n
}

// valueCols are the 0-based indices of the figures' columns: what every
// reader sums.
func (s shape) valueCols() []int {
	var c []int
	for i := 0; i < 2*s.indicators; i++ {
		c = append(c, 2+i)
	}
	return c
}

// grow is how a corpus grows with -files: "months" (one department, file
// i is month i of a run of years) or "departments" (the twelve months of
// one year, file i is department i/12's month i%12+1).
var grow = "months"

// departments is the number of departments of a corpus of n files.
func departments(n int) int {
	if grow == "departments" {
		return (n + 11) / 12
	}
	return 1
}

// period is the month of file i.
func period(i int) reconcile.Period {
	if grow == "departments" {
		return reconcile.Period{Year: firstYear, Month: i%12 + 1}
	}
	return reconcile.Period{Year: firstYear + i/12, Month: i%12 + 1}
}

// deptCode is the code of department k: "bench" when there is one.
func deptCode(k, n int) string {
	if n == 1 {
		return "bench"
	}
	return fmt.Sprintf("bench%04d", k)
}

// spec is the YAML spec of the corpus, for the year of its last file, with
// n departments of the same table.
func (s shape) spec(year, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "town: 基准镇\nyear: %d\nindicators:\n", year)
	for k := 0; k < s.indicators; k++ {
		fmt.Fprintf(&b, "  - {code: i%02d, name: 指标%02d, unit: 万元}\n", k, k)
	}
	b.WriteString("departments:\n")
	for k := range n {
		name := "基准单位"
		if n > 1 {
			name = fmt.Sprintf("基准单位%04d", k)
		}
		fmt.Fprintf(&b, "  - code: %s\n    name: %s\n", deptCode(k, n), name)
		s.table(&b, deptCode(k, n))
	}
	return b.String()
}

// table writes a department's table, of id id.
func (s shape) table(b *strings.Builder, id string) {
	b.WriteString(`    tables:
      - id: ` + id + `
        sheet: 数据
        title: 基准报表
        frequency: monthly
        rows: enterprise
        columns:
          - {role: name}
          - {role: credit_code}
`)
	for k := 0; k < s.indicators; k++ {
		fmt.Fprintf(b, "          - {indicator: i%02d, measure: month}\n", k)
		fmt.Fprintf(b, "          - {indicator: i%02d, measure: ytd}\n", k)
	}
	if s.longText {
		b.WriteString("          - {role: note}\n")
	}
}

// corpus is a generated corpus: where, its spec, its last period and the
// exact sum of every figure in its data rows (in hundredths).
type corpus struct {
	dir      string
	spec     string // the spec file
	last     reconcile.Period
	files    int
	rows     int
	shape    shape
	hundreds int64
}

func (c corpus) cells() float64 {
	return float64(c.files) * float64(c.rows) * float64(c.shape.columns())
}

// sum is the corpus's exact total as a decimal numeral.
func (c corpus) sum() decimal.Decimal { return decimal.New(c.hundreds, -2) }

const firstYear = 2000

// generateIn generates the corpus in a child process (self -mode generate)
// and reads back what it made.
func generateIn(self, dir string, sh shape, nFiles, nRows int) (corpus, error) {
	cmd := exec.Command(self, "-mode", "generate", "-dir", dir, "-shape", sh.name, "-files", strconv.Itoa(nFiles), "-rows", strconv.Itoa(nRows), "-grow", grow)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return corpus{}, fmt.Errorf("%v: %s", err, stderr.String())
	}
	c := corpus{dir: dir, files: nFiles, rows: nRows, shape: sh, spec: filepath.Join(dir, "bench.yaml")}
	var last string
	if _, err := fmt.Sscan(string(out), &c.hundreds, &last); err != nil {
		return c, fmt.Errorf("generator printed %q: %v", out, err)
	}
	c.last, err = reconcile.ParsePeriod(last)
	return c, err
}

// generateMain is the child's side: it generates and prints the corpus's
// sum in hundredths and its last period.
func generateMain(dir, shapeName string, nFiles, nRows int) error {
	sh, ok := shapes[shapeName]
	if !ok {
		return fmt.Errorf("unknown shape %q", shapeName)
	}
	c, err := generate(dir, sh, nFiles, nRows)
	if err != nil {
		return err
	}
	fmt.Println(c.hundreds, c.last)
	return nil
}

// generate writes the corpus: file i is month i of a run of years, so the
// 本年累计 chain holds; values are integers in hundredths, never floats.
// The same flags give the same files.
func generate(dir string, sh shape, nFiles, nRows int) (corpus, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return corpus{}, err
	}
	c := corpus{dir: dir, files: nFiles, rows: nRows, shape: sh, last: period(nFiles - 1)}
	if grow == "departments" && nFiles >= 12 {
		c.last = reconcile.Period{Year: firstYear, Month: 12}
	}
	c.spec = filepath.Join(dir, "bench.yaml")
	nd := departments(nFiles)
	text := sh.spec(c.last.Year, nd)
	if err := os.WriteFile(c.spec, []byte(text), 0o644); err != nil {
		return c, err
	}
	s, _, err := spec.Load("bench.yaml", []byte(text))
	if err != nil {
		return c, err
	}
	depts := make([]*reconcile.Department, nd)
	for k := range nd {
		depts[k], _ = s.Department(deptCode(k, nd))
	}
	var wg sync.WaitGroup
	type done struct {
		sum int64
		err error
	}
	results := make(chan done, nFiles)
	next := make(chan int)
	for w := 0; w < min(runtime.NumCPU(), nFiles); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sum, err := writeFile(s, depts[i/12%nd], sh, dir, i, nRows)
				results <- done{sum, err}
			}
		}()
	}
	for i := 0; i < nFiles; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	close(results)
	for r := range results {
		if r.err != nil {
			return c, r.err
		}
		c.hundreds += r.sum
	}
	return c, nil
}

// month is row r's 本月 figure of indicator k, in hundredths: the same every
// month, so 本年累计 is month × m. Typed as text, it comes from 997 values.
func month(sh shape, r, k int) int64 {
	if sh.asText {
		return int64((r*31+k*17)%997+1) * 101
	}
	return int64((r*7919+k*104729)%100000 + 1)
}

func writeFile(s *reconcile.Spec, d *reconcile.Department, sh shape, dir string, i, nRows int) (int64, error) {
	p := period(i)
	t := &templates.Table{Total: map[int]templates.Value{}}
	ncol := 2 * sh.indicators
	sums := make([]int64, 2+ncol)
	for r := 0; r < nRows; r++ {
		row := templates.Row{Name: fmt.Sprintf("企业%06d", r), Code: code(r), Values: map[int]templates.Value{}}
		if sh.longText {
			row.Name = longName(r)
			row.Note = note(r, p)
		}
		for k := 0; k < sh.indicators; k++ {
			m := month(sh, r, k)
			ytd := m * int64(p.Month)
			row.Values[2+2*k] = figure(sh, m)
			row.Values[3+2*k] = figure(sh, ytd)
			sums[2+2*k] += m
			sums[3+2*k] += ytd
		}
		t.Rows = append(t.Rows, row)
	}
	var total int64
	for c := 2; c < 2+ncol; c++ {
		t.Total[c] = templates.Value{Number: decimal.New(sums[c], -2)}
		total += sums[c]
	}
	book, err := templates.Build(s, d, p, templates.Fill{d.Tables[0].ID: t})
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	if err := workbook.WriteBook(&buf, book); err != nil {
		return 0, err
	}
	return total, os.WriteFile(filepath.Join(dir, templates.FileName(d, p)), buf.Bytes(), 0o644)
}

func figure(sh shape, hundredths int64) templates.Value {
	v := decimal.New(hundredths, -2)
	if sh.asText {
		return templates.Value{Text: v.StringFixed(2)}
	}
	return templates.Value{Number: v}
}

// code makes a valid unified social credit code for row r.
func code(r int) string { return reconcile.NewCreditCode("120111", fmt.Sprintf("%08d", r+1)) }

var (
	towns   = []string{"精武", "杨柳青", "中北", "张家窝", "西营门", "辛口", "王稳庄", "大寺"}
	trades  = []string{"机械制造", "新材料科技", "食品加工", "物流配送", "建筑安装工程", "电子信息技术", "生物医药", "商贸"}
	reasons = []string{
		"本月新增订单较多，产量同比上升，主要原因是下游汽车零部件客户扩大采购并提前备货；",
		"受原材料价格上涨影响，营业成本增加，利润总额较上月有所下降，企业已采取降本措施；",
		"因设备检修停产十天，本月产值低于上年同期，预计下月恢复正常生产经营秩序；",
		"新建厂房于本月竣工投产，新增固定资产投资已按项目进度入账，相关凭证已留存备查；",
		"按税务部门要求补缴上年度税款，本月税收收入一次性增加，不影响全年预计数；",
	}
)

// longName is a long, unique enterprise name.
func longName(r int) string {
	return fmt.Sprintf("天津市西青区%s镇%s%s有限责任公司第%06d分公司（原%s%s厂）",
		towns[r%len(towns)], trades[r%len(trades)], trades[(r/8)%len(trades)], r, towns[(r/3)%len(towns)], trades[(r/5)%len(trades)])
}

// note is a paragraph of 说明, different for each row and month.
func note(r int, p reconcile.Period) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d年%d月说明（第%d行）：", p.Year, p.Month, r+1)
	for k := 0; k < 3; k++ {
		b.WriteString(reasons[(r+k*p.Month)%len(reasons)])
	}
	return b.String()
}

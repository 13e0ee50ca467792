package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/internal/testtool"
	"github.com/xuri/excelize/v2"
)

var (
	pdfBox  = regexp.MustCompile(`<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>`)
	pdfPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	pdfWord = regexp.MustCompile(`<word xMin="([0-9.-]+)" yMin="[0-9.-]+" xMax="([0-9.-]+)" yMax="[0-9.-]+">([^<]*)</word>`)
	sheetNo = regexp.MustCompile(`表号：tally-(\d\d)`)
)

// cjkSize returns the font size a word was printed at when it is made of
// full-width characters only (Chinese, full-width punctuation): each is as
// wide as the font is large, whatever the font's ascent and descent.
func cjkSize(word string, width float64) (float64, bool) {
	n := 0
	for _, r := range word {
		if !unicode.Is(unicode.Han, r) && !(r >= 0xFF01 && r <= 0xFF5E) && !(r >= 0x3000 && r <= 0x303F) {
			return 0, false
		}
		n++
	}
	if n < 2 {
		return 0, false
	}
	return width / float64(n), true
}

// The consolidated workbook on paper, as LibreOffice prints it: 汇总 on one
// landscape A3 page, each indicator's row whole across it (the months 7–12
// printed on a page of their own; a newcomer's trial) at 5.5 points or
// more; the 报告核对 pages at 8 points or more (landscape A4, in sections
// of columns), 概览 (its target table and the chart's labels too), 历年,
// 报送情况, 问题清单 and 来源文件 too; every page carrying the 报表 header
// block clear of the paper's edges; and no 明细 page.
func TestWorkbookPrintsReadably(t *testing.T) {
	t.Parallel()
	soffice := testtool.Require(t, "soffice")
	pdftotext := testtool.Require(t, "pdftotext", "-v")
	dir := t.TempDir()
	out := filepath.Join(dir, "progress.xlsx")
	sampleBook(t, "zh", "2021-06", out)
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"), "--convert-to", "pdf", "--outdir", dir, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	bbox, err := exec.Command(pdftotext, "-bbox", filepath.Join(dir, "progress.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(bbox), "<page ")[1:]
	if len(pages) == 0 || len(pages) > 40 {
		t.Fatalf("%d pages printed; want the pages a clerk needs", len(pages))
	}
	smallest := map[string]float64{}
	perSheet := map[string]int{}
	chartPages := 0
	for i, p := range pages {
		p = "<page " + p
		words := wordsOf(p)
		text := strings.Join(words, " ")
		m := sheetNo.FindStringSubmatch(text)
		if m == nil {
			t.Errorf("page %d has no 表号 in its header: %.80s", i+1, text)
			continue
		}
		perSheet[m[1]]++
		// The header block and the footer's 单位负责人 line clear of the
		// paper's edges by more than a printer's unprintable margin (about
		// 4 mm, 12 points): with no header and footer margins LibreOffice
		// printed them flush with the edges.
		if dim := pdfPage.FindStringSubmatch(p); dim != nil {
			top, bottom := atof(dim[2]), 0.0
			for _, w := range pdfBox.FindAllStringSubmatch(p, -1) {
				top, bottom = min(top, atof(w[2])), max(bottom, atof(w[4]))
			}
			if top < 12 || bottom > atof(dim[2])-12 {
				t.Errorf("page %d (表 %s) prints from %.1f to %.1f points of its %s: within 12 points of the paper's edge", i+1, m[1], top, bottom, dim[2])
			}
		}
		if m[1] == "01" {
			// Every page of 概览 starts a table under its own header: no
			// sliver cut off the page's right edge (the chart's right edge
			// and the 数据完整性 column printed alone, newcomer 8, #3), and
			// the counts' header (项目, 数值) on the first page only — it
			// was repeated above the 未确认的报告数字 and 目标 tables (a
			// newcomer's trial).
			heads := 0
			for _, w := range words {
				switch w {
				case "项目":
					heads++
					if perSheet["01"] > 1 {
						t.Errorf("page %d of 概览 repeats the counts' header 项目 above other tables", i+1)
					}
				case "未确认的报告数字", "目标完成情况（截至":
					heads++
				case "完成率与序时进度":
					chartPages++
				}
			}
			if heads == 0 {
				t.Errorf("page %d of 概览 starts no table of its own (a sliver?): %.120s", i+1, text)
			}
		}
		if m[1] == "02" {
			// A whole row across the page: name, unit, every month, the
			// year's total, target, progress, status and notes.
			for _, want := range []string{"税收收入", "万元", "1月", "6月", "7月", "12月", "本年累计", "目标", "完成率", "序时进度", "状态", "说明"} {
				if !slices.Contains(words, want) {
					t.Errorf("page %d of 汇总 lacks %q: an indicator's row is not whole on it", i+1, want)
				}
			}
			if dim := pdfPage.FindStringSubmatch(p); dim == nil || math.Abs(atof(dim[1])-1190.55) > 1 || math.Abs(atof(dim[2])-841.89) > 1 {
				t.Errorf("page %d of 汇总 is not landscape A3: %v", i+1, dim)
			}
		}
		for _, want := range []string{"制表单位：精武镇", "审核人：", "填表人：", "填报日期："} {
			if !strings.Contains(text, want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
		switch m[1] {
		case "07":
			t.Errorf("page %d is 明细: the detail is not printed unless asked", i+1)
		case "01", "02", "03", "04", "05", "06", "08":
			if dim := pdfPage.FindStringSubmatch(p); m[1] != "04" && (dim == nil || atof(dim[1]) < atof(dim[2])) {
				t.Errorf("page %d (表 %s) is not landscape", i+1, m[1])
			}
			for _, w := range pdfWord.FindAllStringSubmatch(p, -1) {
				if size, ok := cjkSize(w[3], atof(w[2])-atof(w[1])); ok {
					if s, seen := smallest[m[1]]; !seen || size < s {
						smallest[m[1]] = size
					}
				}
			}
		}
	}
	// The README's count: 20 pages through 2021-06 — 概览 2 (the counts
	// and the chart; the 未确认的报告数字 and the targets), 汇总 1 (A3),
	// 历年 4 (the years 2015–2021 in three sections, their notes in a
	// fourth), 报送情况 1, 报告核对 6, 问题清单 1, 来源文件 5.
	want := map[string]int{"01": 2, "02": 1, "03": 4, "04": 1, "05": 6, "06": 1, "08": 5}
	for no, n := range want {
		if perSheet[no] != n {
			t.Errorf("表 tally-%s prints on %d pages, want %d (README)", no, perSheet[no], n)
		}
	}
	if len(pages) != 20 {
		t.Errorf("the workbook prints on %d pages, want 20 (README)", len(pages))
	}
	if chartPages != 1 {
		t.Errorf("the chart's title prints on %d pages of 概览, want its first only", chartPages)
	}
	// 概览 (at one scale, never under 80%, the chart beside the counts),
	// 报告核对 (in sections of columns), 历年 (sections as the years fit),
	// 报送情况, 问题清单 and 来源文件 (narrow enough to fit the width) at 8
	// points or more; 汇总, a whole row across an A3 page, at 5.5 or more
	// (5.8 measured: under 4 on A4).
	for _, no := range []string{"01", "02", "03", "04", "05", "06", "08"} {
		s, ok := smallest[no]
		least := 7.95
		if no == "02" {
			least = 5.5
		}
		switch {
		case !ok:
			t.Errorf("表 tally-%s was not printed", no)
		case s < least:
			t.Errorf("表 tally-%s prints at %.2f pt; want %.1f or more", no, s, least)
		default:
			t.Logf("表 tally-%s: smallest text %.2f pt", no, s)
		}
	}
}

func wordsOf(page string) []string {
	var out []string
	for _, w := range pdfWord.FindAllStringSubmatch(page, -1) {
		out = append(out, w[3])
	}
	return out
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// The overview's page setup as Excel reads it, without LibreOffice: one
// fixed scale of 80% or more, never fitted to the width (which shrank it to
// 7 points), landscape beside its chart when the year has targets, portrait
// without. No rows repeat on its pages (the counts' header 项目, 数值 and
// the title were repeated above the 未确认的报告数字 and 目标 tables on the
// second page; a newcomer's trial): a table that would run past the foot
// of a page starts the next — through 2021-06 the 目标完成情况 (the three
// unconfirmed figures fit below the counts beside the chart since 2020's
// claims are checked on December's 本年累计); through 2020-12 the sheet is a little too
// long for a portrait page and prints on one at 98%, unbroken.
func TestOverviewPageSetup(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		asOf, orient string
		scale        uint   // 0: any from 80 to 100
		breakBefore  string // the text of column A on the row a page break precedes; "" for none
	}{{"2021-06", "landscape", 0, "目标完成情况（截至 2021-06）"}, {"2020-12", "portrait", 98, ""}} {
		out := filepath.Join(t.TempDir(), "out.xlsx")
		sampleBook(t, "zh", c.asOf, out)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		props, err := f.GetSheetProps("概览")
		if err != nil {
			t.Fatal(err)
		}
		lay, err := f.GetPageLayout("概览")
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if lay.AdjustTo != nil {
			t.Logf("as of %s: %s at %d%%", c.asOf, *lay.Orientation, *lay.AdjustTo)
		}
		if props.FitToPage != nil && *props.FitToPage {
			t.Errorf("as of %s: the overview is fitted to the page", c.asOf)
		}
		if lay.AdjustTo == nil || *lay.AdjustTo < 80 || *lay.AdjustTo > 100 {
			t.Errorf("as of %s: scale %v, want 80–100%%", c.asOf, lay.AdjustTo)
		}
		if lay.Orientation == nil || *lay.Orientation != c.orient {
			t.Errorf("as of %s: orientation %v, want %s", c.asOf, lay.Orientation, c.orient)
		}
		if c.scale != 0 && (lay.AdjustTo == nil || *lay.AdjustTo != c.scale) {
			t.Errorf("as of %s: scale %s%%, want %d%%", c.asOf, val(lay.AdjustTo), c.scale)
		}
		if c.orient == "landscape" && lay.AdjustTo != nil {
			overviewFitsPage(t, out, *lay.AdjustTo)
		}
		g, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		titles := definedName(g, "_xlnm.Print_Titles", "概览")
		part, err := annotatedSheetPart(out, "概览")
		if err != nil {
			t.Fatal(err)
		}
		var before []string
		for _, b := range regexp.MustCompile(`<brk id="(\d+)"[^>]*>`).FindAllSubmatch(regexp.MustCompile(`<rowBreaks[^>]*>.*?</rowBreaks>`).Find(part), -1) {
			v, _ := g.GetCellValue("概览", "A"+strconv.Itoa(atoi(string(b[1]))+1))
			before = append(before, v)
		}
		g.Close()
		if titles != "" {
			t.Errorf("as of %s: 概览 repeats %s on every page", c.asOf, titles)
		}
		if got := strings.Join(before, "|"); got != c.breakBefore {
			t.Errorf("as of %s: 概览's pages break before %q, want %q", c.asOf, got, c.breakBefore)
		}
	}
}

// overviewFitsPage checks that the overview with targets prints within a
// landscape page's width at its scale: its print area is its ten columns
// A:J, they fit the page at that scale (measured as LibreOffice prints a
// column, 7 points a character and 4 of padding, its widest), and the
// 完成率 chart's anchor ends within them — the chart was cut at the page's
// right edge, its sliver and the 数据完整性 column printed on pages of
// their own (newcomer 8, #3).
func overviewFitsPage(t *testing.T, path string, scale uint) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "概览"
	if r := definedName(f, "_xlnm.Print_Area", sheet); !regexp.MustCompile(`!\$A\$1:\$J\$\d+$`).MatchString(r) {
		t.Errorf("概览's print area is %q, want its columns A:J", r)
	}
	page := 297/25.4*72 - 72 // landscape A4 within half-inch margins
	cols := map[int]float64{}
	total := 0.0
	for i := 1; i <= 10; i++ {
		name, _ := excelize.ColumnNumberToName(i)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		cols[i-1] = w*7 + 4
		total += cols[i-1]
	}
	if total*float64(scale)/100 > page {
		t.Errorf("概览's columns print %.0f points wide at %d%%, wider than the page's %.0f", total*float64(scale)/100, scale, page)
	}
	// The chart's two-cell anchor, as excelize wrote it.
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	anchor := regexp.MustCompile(`<xdr:from><xdr:col>(\d+)</xdr:col>.*?<xdr:to><xdr:col>(\d+)</xdr:col><xdr:colOff>(\d+)</xdr:colOff>`)
	charts := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/drawings/drawing") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		for _, m := range anchor.FindAllStringSubmatch(string(data), -1) {
			charts++
			from, to, off := atoi(m[1]), atoi(m[2]), atof(m[3])
			if from < 2 || to > 9 {
				t.Errorf("the chart spans columns %d to %d (0-based), want beside the counts and within A:J", from, to)
				continue
			}
			// Its right edge: the columns before its last, and its offset
			// into that one (EMU; 12700 a point), within the page's width.
			right := off / 12700
			for i := 0; i < to; i++ {
				right += cols[i]
			}
			if right*float64(scale)/100 > page {
				t.Errorf("the chart's right edge prints at %.0f points at %d%%, past the page's %.0f", right*float64(scale)/100, scale, page)
			}
		}
	}
	if charts != 1 {
		t.Errorf("%d charts anchored in the workbook, want the overview's one", charts)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// 报告核对 on paper, in Chinese and English: every page of it (each section
// of columns repeats only 编号 and 报告原文) carries the sheet's title whole
// under a page header whose parts do not run into each other, and every
// claim's 编号 whole — the title ran past the repeated columns and was cut
// at their edge, the English title ran over 表号 and 计量单位 in the
// header, and 编号 like employee-pension-2020 were cut at the column's.
func TestClaimsSheetPrintsWhole(t *testing.T) {
	t.Parallel()
	soffice := testtool.Require(t, "soffice")
	pdftotext := testtool.Require(t, "pdftotext", "-v")
	dir := t.TempDir()
	for _, c := range []struct{ lang, sheet, no, title string }{
		{"zh", "报告核对", "表号：tally-05", "报告数字核对：报告数字成立的区间与汇总计算值（增长类单位为 %）"},
		{"en", "Claims", "Table tally-05", "Report figures: the interval each is consistent with, and the consolidated value (growth in %)"},
	} {
		out := filepath.Join(dir, c.lang+".xlsx")
		var so, se bytes.Buffer
		if code := run([]string{"reconcile", "--lang", c.lang, "--as-of", "2020-12", "-o", out, repo(t, "testdata/submissions")}, strings.NewReader(""), &so, &se); code != exitFindings {
			t.Fatalf("exit %d: %s", code, se.String())
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(c.sheet)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range rows[2:] {
			ids = append(ids, r[0])
		}
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"), "--convert-to", "pdf", "--outdir", dir, out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice: %v\n%s", err, msg)
		}
		text, err := exec.Command(pdftotext, filepath.Join(dir, c.lang+".pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
		title := squash(c.title)
		var claimPages []string
		for _, p := range strings.Split(string(text), "\f") {
			if strings.Contains(p, c.no) {
				claimPages = append(claimPages, p)
			}
		}
		if len(claimPages) < 3 {
			t.Fatalf("%s: %d pages of %s; want its three sections at least", c.lang, len(claimPages), c.sheet)
		}
		all := strings.Join(claimPages, "\n")
		for i, p := range claimPages {
			if !strings.Contains(squash(p), title) {
				t.Errorf("%s: page %d of %s does not show its title whole:\n%.300s", c.lang, i+1, c.sheet, p)
			}
		}
		// The page header's words (the band at the top of the page) side
		// by side, none printed over another.
		bbox, err := exec.Command(pdftotext, "-bbox", filepath.Join(dir, c.lang+".pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for i, page := range strings.Split(string(bbox), "<page ")[1:] {
			if !strings.Contains(page, "tally-05</word>") { // 报告核对's 表号
				continue
			}
			type span struct {
				from, to float64
				word     string
			}
			var head []span
			for _, w := range pdfBox.FindAllStringSubmatch(page, -1) {
				if atof(w[4]) < 20 {
					head = append(head, span{atof(w[1]), atof(w[3]), w[5]})
				}
			}
			checked++
			sort.Slice(head, func(a, b int) bool { return head[a].from < head[b].from })
			for k := 1; k < len(head); k++ {
				if head[k].from < head[k-1].to-0.5 {
					t.Errorf("%s: page %d: in the page header %q runs into %q", c.lang, i+1, head[k-1].word, head[k].word)
				}
			}
		}
		if checked != len(claimPages) {
			t.Errorf("%s: the page headers of %d pages checked, of %d", c.lang, checked, len(claimPages))
		}
		for _, id := range ids {
			if !strings.Contains(all, id) {
				t.Errorf("%s: 编号 %q is not printed whole", c.lang, id)
			}
		}
	}
}

// 汇总 on paper as Excel reads it, without LibreOffice: each indicator's
// row whole across one landscape A3 page (the months 7–12 printed on a
// page of their own, in sections of columns; a newcomer's trial) — fitted
// to the page's width, as many pages high as it takes, the title and
// header rows repeated on every page, no sections — and its header and
// footer 0.3 inch from the paper's edges, the table 0.6 (they were 0:
// printed flush with the edges). Its rows are one line tall unless a
// cell's text needs more: a stock's and a missing month's notes fit 说明
// (16 characters) on one line; a longer note (the rejected row's file
// path, an unread sheet) wraps, its row as tall as its lines, and 说明 is
// not widened for it — fitted to the width, a wider 说明 shrank every
// figure on the page.
func TestFiguresRowsOneLine(t *testing.T) {
	t.Parallel()
	type sheet struct {
		paper string  // size, orientation, fit, repeated rows, breaks, margins
		notes float64 // the 说明 column's width
		rows  map[string]float64
		texts map[string]string
	}
	read := func(path string) sheet {
		t.Helper()
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		lay, err := f.GetPageLayout("汇总")
		if err != nil || lay.Size == nil || lay.Orientation == nil || lay.FitToWidth == nil || lay.FitToHeight == nil {
			t.Fatalf("汇总's page layout: %+v %v", lay, err)
		}
		props, err := f.GetSheetProps("汇总")
		if err != nil || props.FitToPage == nil {
			t.Fatalf("汇总's sheet properties: %+v %v", props, err)
		}
		mar, err := f.GetPageMargins("汇总")
		if err != nil || mar.Header == nil || mar.Footer == nil || mar.Top == nil {
			t.Fatalf("汇总's margins: %+v %v", mar, err)
		}
		part, err := annotatedSheetPart(path, "汇总")
		if err != nil {
			t.Fatal(err)
		}
		var breaks []string
		if m := regexp.MustCompile(`<colBreaks[^>]*>(.*?)</colBreaks>`).FindSubmatch(part); m != nil {
			for _, b := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllSubmatch(m[1], -1) {
				breaks = append(breaks, string(b[1]))
			}
		}
		paper := fmt.Sprintf("size %d %s fit %v %dx%d titles %s breaks %q margins header %v footer %v top %v",
			*lay.Size, *lay.Orientation, *props.FitToPage, *lay.FitToWidth, *lay.FitToHeight,
			definedName(f, "_xlnm.Print_Titles", "汇总"), strings.Join(breaks, ","), *mar.Header, *mar.Footer, *mar.Top)
		rows, _ := f.GetRows("汇总")
		last, _ := excelize.ColumnNumberToName(len(rows[1]))
		if rows[1][len(rows[1])-1] != "说明" {
			t.Fatalf("汇总's last column is %q, not 说明", rows[1][len(rows[1])-1])
		}
		w, _ := f.GetColWidth("汇总", last)
		s := sheet{paper: paper, notes: w, rows: map[string]float64{}, texts: map[string]string{}}
		for r, row := range rows[2:] {
			h, _ := f.GetRowHeight("汇总", r+3)
			s.rows[row[0]] = h
			if len(row) == len(rows[1]) {
				s.texts[row[0]] = row[len(row)-1]
			}
		}
		return s
	}
	// A3 (excelize's 8), landscape, one page wide and any number high.
	const paper = `size 8 landscape fit true 1x0 titles '汇总'!$1:$2 breaks "" margins header 0.3 footer 0.3 top 0.6`
	one := float64(grid.LineHeight)
	dir := t.TempDir()
	y2020 := filepath.Join(dir, "2020.xlsx")
	sampleBook(t, "zh", "2020-12", y2020)
	s := read(y2020)
	if s.paper != paper {
		t.Errorf("2020 汇总 prints %s, want %s", s.paper, paper)
	}
	for _, code := range []string{"above_scale", "sme_total", "eagle_total", "hightech_total", "sme_new", "leader_new"} {
		if h := s.rows[code]; h > one {
			t.Errorf("2020 汇总 %s (%q) is %.0f points tall, want one line", code, s.texts[code], h)
		}
	}
	if !strings.HasPrefix(s.texts["above_scale"], "存量指标：") || !strings.HasPrefix(s.texts["sme_new"], "未报送：") {
		t.Errorf("2020 汇总's notes: above_scale %q, sme_new %q", s.texts["above_scale"], s.texts["sme_new"])
	}
	// The rejected row's note names its file by path: more than a line,
	// as tall as its lines.
	if note, h := s.rows["domestic_investment"], s.texts["domestic_investment"]; note <= one || note != float64(grid.Lines(h, s.notes))*one {
		t.Errorf("2020 汇总 domestic_investment (%q) is %.0f points tall, want its %d lines", h, note, grid.Lines(h, s.notes))
	}

	// A June whose 限上批零 sheet was renamed: retail_sales's note names
	// the unread sheet and wraps; 说明 and the paper stay the sample's.
	base := filepath.Join(dir, "2021.xlsx")
	sampleBook(t, "zh", "2021-06", base)
	b := read(base)
	out := filepath.Join(dir, "renamed.xlsx")
	runTally(t, "reconcile", "--as-of", "2021-06", "-o", out, renamedSheetMonth(t))
	r := read(out)
	if b.paper != paper || r.paper != paper {
		t.Errorf("through 2021-06 汇总 prints %s, with a long note %s; want %s", b.paper, r.paper, paper)
	}
	if b.notes != grid.Width(16) || r.notes != b.notes {
		t.Errorf("说明 is %.1f wide in the sample and %.1f with a long note; want %.1f in both", b.notes, r.notes, grid.Width(16))
	}
	if note := r.texts["retail_sales"]; !strings.Contains(note, "未读取的工作表") || grid.Lines(note, b.notes) < 2 || r.rows["retail_sales"] != float64(grid.Lines(note, b.notes))*one {
		t.Errorf("汇总 retail_sales (%q) is %.0f points tall, want its %d lines", note, r.rows["retail_sales"], grid.Lines(note, b.notes))
	}
}

// 来源文件's 状态 whole, on screen and on paper: a status in no colour (a
// later month's file not consolidated, a duplicate…) wraps in its column
// and its row is as tall as its lines — it was cut off by the SHA-256 cell
// beside it (报告期在截至月, a newcomer's trial of the printed workbook).
func TestInputsStatusWhole(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "2020.xlsx")
	sampleBook(t, "zh", "2020-12", out)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("来源文件")
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][4] != "状态" {
		t.Fatalf("来源文件's fifth column is %q, not 状态", rows[1][4])
	}
	width, _ := f.GetColWidth("来源文件", "E")
	later := 0
	for i, row := range rows[2:] {
		r := i + 3
		if len(row) < 5 || row[4] == "正常" || row[4] == "有问题" || row[4] == "无法读取" {
			continue
		}
		if row[4] == "晚于截至月份，未汇总" {
			later++
		}
		id, _ := f.GetCellStyle("来源文件", "E"+strconv.Itoa(r))
		st, err := f.GetStyle(id)
		if err != nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("来源文件 row %d: 状态 %q does not wrap (%v)", r, row[4], err)
		}
		if h, _ := f.GetRowHeight("来源文件", r); h < float64(grid.Lines(row[4], width)*grid.LineHeight) {
			t.Errorf("来源文件 row %d: 状态 %q needs %d lines in its %.1f width, the row is %.0f points tall", r, row[4], grid.Lines(row[4], width), width, h)
		}
	}
	// 2021-01 to 2021-06: 5 departments × 6 months, less 劳动保障所's May.
	if later != 29 {
		t.Errorf("%d files after the as-of month listed, want the sample's 29", later)
	}
}

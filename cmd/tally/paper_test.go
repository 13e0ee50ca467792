package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
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

// The consolidated workbook on paper, as LibreOffice prints it: the 汇总
// and 报告核对 pages at 8 points or more (landscape A4, in sections of
// columns), 概览 (its target table and the chart's labels too), 历年, 报送情况,
// 问题清单 and 来源文件 too, every page carrying the 报表 header block, and
// no 明细 page.
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
	for i, p := range pages {
		p = "<page " + p
		text := strings.Join(wordsOf(p), " ")
		m := sheetNo.FindStringSubmatch(text)
		if m == nil {
			t.Errorf("page %d has no 表号 in its header: %.80s", i+1, text)
			continue
		}
		perSheet[m[1]]++
		// No sliver of 概览 on a page of its own: every page of it carries
		// its header row (项目) and so its columns from A; the chart's right
		// edge and the 数据完整性 column printed alone (newcomer 8, #3).
		if m[1] == "01" && !strings.Contains(text, "项目") {
			t.Errorf("page %d of 概览 is a sliver cut off the page's right edge: %.120s", i+1, text)
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
	// The README's count: 23 pages through 2021-06 — 概览 2, 汇总 4 (its
	// 说明 on a section of its own beside the target columns), 历年 4 (the
	// years 2015–2021 in three sections, their notes in a fourth), 报送情况
	// 1, 报告核对 6, 问题清单 1, 来源文件 5.
	want := map[string]int{"01": 2, "02": 4, "03": 4, "04": 1, "05": 6, "06": 1, "08": 5}
	for no, n := range want {
		if perSheet[no] != n {
			t.Errorf("表 tally-%s prints on %d pages, want %d (README)", no, perSheet[no], n)
		}
	}
	if len(pages) != 23 {
		t.Errorf("the workbook prints on %d pages, want 23 (README)", len(pages))
	}
	// 概览 (at one scale, never under 80%, the chart beside the counts),
	// 汇总 and 报告核对 (in sections of columns), 历年 (sections as the
	// years fit), 报送情况, 问题清单 and 来源文件 (narrow enough to fit the
	// width).
	for _, no := range []string{"01", "02", "03", "04", "05", "06", "08"} {
		s, ok := smallest[no]
		switch {
		case !ok:
			t.Errorf("表 tally-%s was not printed", no)
		case s < 7.95:
			t.Errorf("表 tally-%s prints at %.2f pt; want 8 or more", no, s)
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
// without.
func TestOverviewPageSetup(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		asOf, orient string
	}{{"2021-06", "landscape"}, {"2020-12", "portrait"}} {
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
		if c.orient == "landscape" && lay.AdjustTo != nil {
			overviewFitsPage(t, out, *lay.AdjustTo)
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

// 汇总 prints its rows one line tall unless a cell's text needs more: a
// row is as tall as its longest text on every section's page, and a
// stock's note wrapped in 说明 made its row two lines tall on the pages of
// months too (newcomer 9, #4). A stock's and a missing month's notes fit
// 说明 on one line; a longer note widens 说明 as far as its page has room
// at the sheet's scale — the sections and the scale stay the sample's,
// so no page is added and nothing prints smaller — and only a note longer
// still (the rejected row's file path) takes two lines.
func TestFiguresRowsOneLine(t *testing.T) {
	t.Parallel()
	type sheet struct {
		scale  uint
		breaks string
		notes  float64 // the 说明 column's width
		rows   map[string]float64
		texts  map[string]string
	}
	read := func(path string) sheet {
		t.Helper()
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		lay, err := f.GetPageLayout("汇总")
		if err != nil || lay.AdjustTo == nil {
			t.Fatalf("汇总's page layout: %+v %v", lay, err)
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
		rows, _ := f.GetRows("汇总")
		last, _ := excelize.ColumnNumberToName(len(rows[1]))
		if rows[1][len(rows[1])-1] != "说明" {
			t.Fatalf("汇总's last column is %q, not 说明", rows[1][len(rows[1])-1])
		}
		w, _ := f.GetColWidth("汇总", last)
		s := sheet{scale: *lay.AdjustTo, breaks: strings.Join(breaks, ","), notes: w, rows: map[string]float64{}, texts: map[string]string{}}
		for r, row := range rows[2:] {
			h, _ := f.GetRowHeight("汇总", r+3)
			s.rows[row[0]] = h
			if len(row) == len(rows[1]) {
				s.texts[row[0]] = row[len(row)-1]
			}
		}
		return s
	}
	one := float64(grid.LineHeight)
	dir := t.TempDir()
	y2020 := filepath.Join(dir, "2020.xlsx")
	sampleBook(t, "zh", "2020-12", y2020)
	s := read(y2020)
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
	if note, h := s.texts["domestic_investment"], s.rows["domestic_investment"]; h <= one || h != float64(grid.Lines(note, s.notes))*one {
		t.Errorf("2020 汇总 domestic_investment (%q) is %.0f points tall, want its %d lines", note, h, grid.Lines(note, s.notes))
	}
	if s.scale != 93 || s.breaks != "9,15" {
		t.Errorf("2020 汇总 prints at %d%% in sections from %s, want 93%% from 9,15 (README)", s.scale, s.breaks)
	}

	// A June whose 限上批零 sheet was renamed: retail_sales's note names
	// the unread sheet, and 说明, on a page of its own beside the target
	// columns, widens for it; the sections and scale are the sample's.
	base := filepath.Join(dir, "2021.xlsx")
	sampleBook(t, "zh", "2021-06", base)
	b := read(base)
	out := filepath.Join(dir, "renamed.xlsx")
	runTally(t, "reconcile", "--as-of", "2021-06", "-o", out, renamedSheetMonth(t))
	r := read(out)
	if r.scale != b.scale || r.breaks != b.breaks || b.breaks != "9,15,20" {
		t.Errorf("with a long note 汇总 prints at %d%% from %s; the sample at %d%% from %s (README: 9,15,20)", r.scale, r.breaks, b.scale, b.breaks)
	}
	if b.notes != grid.Width(16) || r.notes <= b.notes {
		t.Errorf("说明 is %.1f wide in the sample and %.1f with a long note; want %.1f and wider", b.notes, r.notes, grid.Width(16))
	}
	if note := r.texts["retail_sales"]; !strings.Contains(note, "未读取的工作表") || r.rows["retail_sales"] >= float64(grid.Lines(note, b.notes))*one {
		t.Errorf("汇总 retail_sales (%q) is %.0f points tall: 说明 did not widen for it", note, r.rows["retail_sales"])
	}
}

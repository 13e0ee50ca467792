package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/jingwu/tally/internal/testtool"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/store"
	"github.com/jingwu/tally/web"
	"github.com/xuri/excelize/v2"
)

// fillTemplate types a department's January figures into the downloaded
// template, as a clerk would in Excel; with planted, one credit code has a
// wrong check character (B5) and one figure is not a number (C6).
//
// With formulas, the 合计 row keeps the template's SUM formulas (for a
// spreadsheet program to compute); else the totals are typed.
func fillTemplate(t *testing.T, template, out string, planted bool, formulas ...bool) {
	t.Helper()
	f, err := excelize.OpenFile(template)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	code := func(org string) string { return reconcile.NewCreditCode("120111", org) }
	codes := []string{code("00000001"), code("00000002"), code("00000003")}
	third := "30"
	if planted {
		c := []byte(codes[1])
		if c[17] == '0' {
			c[17] = '1'
		} else {
			c[17] = '0'
		}
		codes[1] = string(c)
		third = "12,3x"
	}
	set := func(sheet, ref string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	const tax, budget = "税收收入", "一般预算收入"
	set(tax, "A4", "天津甲科技有限公司")
	set(tax, "B4", codes[0])
	set(tax, "C4", 120.5)
	set(tax, "D4", 120.5)
	set(tax, "A5", "天津乙精工有限公司")
	set(tax, "B5", codes[1])
	set(tax, "C5", 80)
	set(tax, "D5", 80)
	set(tax, "A6", "天津丙医药有限公司")
	set(tax, "B6", codes[2])
	if planted {
		set(tax, "C6", third) // typed as text
	} else {
		set(tax, "C6", 30)
	}
	set(tax, "D6", 30)
	set(budget, "A4", "增值税（地方分成）")
	set(budget, "B4", 10)
	set(budget, "C4", 10)
	// The 合计 row's SUM formulas have no cached value in a file excelize
	// writes: the clerk's total is typed instead.
	for _, c := range []struct {
		sheet, ref string
		v          float64
	}{{tax, "C34", 230.5}, {tax, "D34", 230.5}, {budget, "B34", 10}, {budget, "C34", 10}} {
		f.SetCellFormula(c.sheet, c.ref, "")
		set(c.sheet, c.ref, c.v)
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
}

// TestServeInBrowser drives Debian's headless Chromium through the desk: a
// department logs in, downloads its template, uploads the filled file, sees
// the planted findings, drops a fixed file on the page and sees it
// accepted; the office sees the board go from missing to submitted and
// downloads the consolidated workbook, which is tally reconcile's over the
// same files. Screenshots of every page go to $TALLY_SCREENSHOTS (default:
// a temporary folder).
func TestServeInBrowser(t *testing.T) {
	chromium := testtool.Require(t, "chromium", "--version")
	shots := os.Getenv("TALLY_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	// 2021: the year with targets. The other departments have sent January.
	d := newTestDeskYear(t, 2021)
	d.clock.set(time.Date(2021, 2, 3, 10, 0, 0, 0, web.Beijing)) // January is due on 5 February
	for _, dep := range []string{"tjz", "zsb", "ldbz", "kjk"} {
		d.mustUpload(d.login(dep), "2021-01", sampleFile(t, "2021-01-"+dep+".xlsx"))
	}

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		// A UTF-8 locale, whatever this process was given (TestMain
		// unsets LANG and LC_ALL): in the C locale Chromium cannot
		// name a file such as 财政所1月.xlsx, and the form posts no file.
		chromedp.Env("LC_ALL=C.UTF-8"))
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	// The browser starts under ctx, not under a step's shorter deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	downloads := t.TempDir()
	n := 0
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		n++
		if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("%02d-%s.png", n, name)), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// do runs one step of the walk, bounded on its own so that the page
	// that did not come is still there to be photographed (and its URL
	// and text told) while the browser lives.
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		if err := chromedp.Do(step, steps...); err != nil {
			url, _ := chromedp.Run(ctx, chromedp.Location())
			body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
			shot("failed-" + strings.ReplaceAll(what, " ", "-"))
			t.Fatalf("%s: %v (the page at %s says:\n%s)", what, err, url, body)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	// download clicks a link and returns the file the browser saved.
	download := func(sel string) string {
		t.Helper()
		wait, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		progress := chromedp.BrowserEvents(wait, browser.DownloadProgress)
		// The element's own click(): no mouse coordinates to miss while
		// the page settles.
		do("download "+sel, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: ptrTo(true)})
			return err
		}), chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(document.querySelector(%q).click(), true)`, sel))(ctx, tg)
			return err
		}))
		for ev, err := range progress {
			if err != nil {
				t.Fatalf("download %s: %v", sel, err)
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				return filepath.Join(downloads, ev.GUID)
			}
			if ev.State == browser.DownloadProgressStateCanceled {
				t.Fatalf("download %s canceled", sel)
			}
		}
		t.Fatalf("download %s: no file", sel)
		return ""
	}
	login := func(name string) {
		t.Helper()
		do("login "+name, chromedp.Navigate(d.url+"/login"), chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=name]`), name),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), testPassword),
			chromedp.Click(chromedp.CSS(`form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`header nav`)))
	}
	logout := func() {
		t.Helper()
		do("logout", chromedp.Click(chromedp.CSS(`header .logout button`)), chromedp.WaitVisible(chromedp.CSS(`input[name=password]`)))
	}
	boardCell := func() string {
		t.Helper()
		class, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`table.board tbody tr:first-child td.cell`), "class"))
		if err != nil {
			t.Fatal(err)
		}
		return class.Value
	}

	// The office, before anything is sent.
	do("login page", chromedp.Navigate(d.url+"/login"), chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)))
	shot("login")
	login("office")
	do("board", chromedp.Navigate(d.url+"/office?asof=2021-01"), chromedp.WaitVisible(chromedp.CSS(`table.board`)))
	shot("office-board-before")
	if c := boardCell(); c != "cell missing" {
		t.Errorf("财政所 January before any upload: %q, want missing", c)
	}
	logout()

	// The department.
	login("czs")
	shot("dept-home")
	// A file that cannot be read: a page that says why.
	do("upload encrypted", chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{repo(t, "testdata/bad/encrypted.xlsx")}),
		chromedp.Click(chromedp.CSS(`#upload-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.banner`)))
	shot("dept-result-unreadable")
	if b, tb := text(`.banner`), text(`table.findings`); !strings.Contains(b, "无法读取") || !strings.Contains(tb, "加密") {
		t.Errorf("encrypted file: banner %q, table %q", b, tb)
	}
	do("back", chromedp.Navigate(d.url+"/dept"), chromedp.WaitVisible(chromedp.CSS(`#drop`)))
	tmpl := download(`a[href="/template?period=2021-01"]`)
	filled := filepath.Join(t.TempDir(), "财政所1月.xlsx")
	fillTemplate(t, tmpl, filled, true)
	do("upload", chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{filled}),
		chromedp.Click(chromedp.CSS(`#upload-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.banner`)))
	shot("dept-result-findings")
	table := text(`table.findings`)
	for _, want := range []string{"B5", "C6", "12,3x", "统一社会信用代码"} {
		if !strings.Contains(table, want) {
			t.Errorf("the result page does not show %q:\n%s", want, table)
		}
	}
	if b := text(`.banner`); !strings.Contains(b, "错误") {
		t.Errorf("banner: %q", b)
	}
	annotated := download(`a[href$="/annotated"]`)
	if af, err := excelize.OpenFile(annotated); err != nil || !slicesContains(af.GetSheetList(), "审核结果") {
		t.Errorf("the annotated copy has no 审核结果 sheet (%v)", err)
	}

	// The fixed file, dropped on the page (the page's drag-and-drop script).
	fixed := filepath.Join(t.TempDir(), "财政所1月-改.xlsx")
	fillTemplate(t, tmpl, fixed, false)
	data, _ := os.ReadFile(fixed)
	do("drop", chromedp.Navigate(d.url+"/dept"), chromedp.WaitVisible(chromedp.CSS(`#drop`)))
	js := fmt.Sprintf(`(() => {
		const bytes = Uint8Array.from(atob(%q), c => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([bytes], %q, {type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}));
		const drop = document.getElementById("drop");
		drop.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
		drop.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return document.getElementById("chosen").textContent;
	})()`, base64.StdEncoding.EncodeToString(data), filepath.Base(fixed))
	chosen, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil || chosen != filepath.Base(fixed) {
		t.Fatalf("drop: %q %v", chosen, err)
	}
	shot("dept-dropped")
	do("upload fixed", chromedp.Click(chromedp.CSS(`#upload-form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.banner`)))
	shot("dept-result-accepted")
	if b := text(`.banner`); !strings.Contains(b, "审核通过") {
		t.Errorf("the fixed file is not accepted: %q", b)
	}
	// Its stamped scan, by the picker (newcomer report 8, #2): kept as an
	// attachment; the return still counts.
	scan := filepath.Join(t.TempDir(), "财政所1月盖章.pdf")
	os.WriteFile(scan, []byte(minimalPDF), 0o644)
	do("upload scan", chromedp.Navigate(d.url+"/dept"), chromedp.WaitVisible(chromedp.CSS(`#drop`)),
		chromedp.SetValue(chromedp.CSS(`select[name=period]`), "2021-01"),
		chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{scan}),
		chromedp.Click(chromedp.CSS(`#upload-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.banner`)))
	shot("dept-result-scan")
	if b := text(`.banner`); !strings.Contains(b, "盖章扫描件") || !strings.Contains(b, "本期计入数字的仍是报表“财政所1月-改.xlsx”") {
		t.Errorf("the scan's banner: %q", b)
	}
	do("history", chromedp.Navigate(d.url+"/dept"), chromedp.WaitVisible(chromedp.CSS(`table.grid`)))
	shot("dept-history")
	logout()

	// The office, after.
	login("office")
	do("board", chromedp.Navigate(d.url+"/office?asof=2021-01"), chromedp.WaitVisible(chromedp.CSS(`table.board`)))
	shot("office-board-after")
	if c := boardCell(); c != "cell ontime" {
		t.Errorf("财政所 January after the fixed upload: %q, want ontime", c)
	}
	web := download(`#download`)
	for _, p := range []string{"findings", "progress", "claims", "users", "audit", "dept/czs"} {
		do(p, chromedp.Navigate(d.url+"/office/"+p+"?asof=2021-01"), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
		shot("office-" + strings.ReplaceAll(p, "/", "-"))
	}
	do("a result page", chromedp.Navigate(d.url+"/office/dept/czs"), chromedp.Click(chromedp.CSS(`a[href^="/uploads/"]`)),
		chromedp.WaitVisible(chromedp.CSS(`dl.meta`)))
	shot("office-upload")
	do("bad url", chromedp.Navigate(d.url+"/uploads/"+strings.Repeat("0", 32)), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
	shot("error")

	// The workbook is tally reconcile's over the files that count.
	dir := t.TempDir()
	cs, _ := d.st.Counting()
	for _, c := range cs {
		b, _ := os.ReadFile(d.st.ViewPath(c))
		os.WriteFile(filepath.Join(dir, store.CanonicalName(c.Dept, c.Period)), b, 0o644)
	}
	t.Chdir(dir)
	cli := filepath.Join(t.TempDir(), "cli.xlsx")
	var so, se bytes.Buffer
	run([]string{"reconcile", "--as-of", "2021-01", "-o", cli, "."}, strings.NewReader(""), &so, &se)
	if a, b := dump(t, cli, false), dump(t, web, false); a != b {
		t.Errorf("the downloaded workbook is not tally reconcile's over the same files")
	}
	tot := func(path string) string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows("汇总")
		var b strings.Builder
		for _, r := range rows {
			if len(r) > 0 && strings.Contains(strings.Join(r, " "), "税收收入") {
				fmt.Fprintln(&b, strings.Join(r, "|"))
			}
		}
		return b.String()
	}
	if a, b := tot(cli), tot(web); a != b || !strings.Contains(b, "230.5") {
		t.Errorf("税收收入 in 汇总: tally reconcile %q, downloaded %q (want 230.5)", a, b)
	}
	t.Logf("screenshots in %s", shots)
}

func ptrTo[T any](v T) *T { return &v }

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

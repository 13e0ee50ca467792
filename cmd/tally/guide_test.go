package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jingwu/tally/reconcile"
)

// 使用说明.md is the Chinese guide for the office, the departments and the
// auditors. It must not fall behind the program: these tests fail when a
// rule, a sheet of the consolidated workbook or a command line it shows is
// no longer what tally has.

func readGuide(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(repo(t, "使用说明.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Every rule a finding can carry has its row in the guide's appendix, by
// its Chinese name and code as the terminal and 问题清单 show them.
func TestGuideNamesEveryRule(t *testing.T) {
	t.Parallel()
	guide := readGuide(t)
	for _, r := range reconcile.Rules() {
		row := "| " + r.Name(reconcile.Chinese) + " | `" + string(r) + "` |"
		if !strings.Contains(guide, row) {
			t.Errorf("使用说明.md has no row %q", row)
		}
	}
}

// Every visible sheet of the consolidated workbook (the README's first
// command's) is described in the guide's table of sheets.
func TestGuideNamesEverySheet(t *testing.T) {
	t.Parallel()
	guide := readGuide(t)
	path := filepath.Join(t.TempDir(), "c.xlsx")
	sampleBook(t, "zh", "2020-12", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for _, sh := range f.GetSheetList() {
		if v, _ := f.GetSheetVisible(sh); !v {
			continue
		}
		n++
		if !strings.Contains(guide, "\n| "+sh+" | ") {
			t.Errorf("使用说明.md does not describe the sheet %s", sh)
		}
	}
	if n < 5 {
		t.Fatalf("only %d visible sheets in the workbook", n)
	}
}

// Every command line the guide shows in a sh block names a command and
// flags tally has: each runs with --help appended, which parses the flags
// (an unknown one is exit 2) and does nothing else.
func TestGuideCommandsParse(t *testing.T) {
	t.Parallel()
	guide := readGuide(t)
	var lines []string
	in := false
	for _, l := range strings.Split(guide, "\n") {
		switch {
		case strings.HasPrefix(l, "```sh"):
			in = true
		case strings.HasPrefix(l, "```"):
			in = false
		case in && strings.HasPrefix(l, "tally "):
			if i := strings.Index(l, " > "); i >= 0 {
				l = l[:i] // a redirection
			}
			lines = append(lines, l)
		}
	}
	if len(lines) < 15 {
		t.Fatalf("found only %d command lines in 使用说明.md", len(lines))
	}
	root := newRootCommand(streams{Lang: reconcile.Chinese})
	for _, l := range lines {
		words := strings.Fields(l)[1:]
		// The command the line names, as deep as its words go: a
		// misspelt subcommand of serve would otherwise show serve's help.
		cmd, rest, err := root.Find(words)
		if err != nil {
			t.Errorf("%s: %v", l, err)
			continue
		}
		if len(cmd.Commands()) > 0 && len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
			t.Errorf("%s: %q is no command of %q", l, rest[0], cmd.CommandPath())
		}
		args := append(words, "--help")
		if code, out, errOut := runTally(t, args...); code != 0 || !strings.Contains(out, "用法") {
			t.Errorf("%s: exit %d\n%s%s", l, code, out, errOut)
		}
	}
}

// What the guide promises of the findings is what the files hold: the
// consolidated workbook's 问题清单 has every column the guide's table of
// sheets lists for it, 怎么办 among them (each finding's advice, as the
// desk gives it), and the annotated copy's findings sheet, which the guide
// calls by its name 审核结果, has its 怎么办 column too, in both languages.
func TestFindingsSayWhatToDo(t *testing.T) {
	t.Parallel()
	guide := readGuide(t)
	path := filepath.Join(t.TempDir(), "c.xlsx")
	sampleBook(t, "zh", "2020-12", path)
	rows := rawRows(t, path, "问题清单")
	if len(rows) < 4 {
		t.Fatalf("问题清单: %q", rows)
	}
	head := rows[1]
	// The guide's row: | 问题清单 | 每个问题：文件、工作表、… |
	i := strings.Index(guide, "\n| 问题清单 | 每个问题：")
	if i < 0 {
		t.Fatal("使用说明.md has no row for 问题清单 listing its columns")
	}
	line := guide[i+len("\n| 问题清单 | 每个问题："):]
	line = line[:strings.Index(line, " |")]
	for _, name := range strings.Split(line, "、") {
		if j := strings.Index(name, "（"); j >= 0 {
			name = name[:j] // a word on what the column says
		}
		column(t, head, name)
	}
	todo, rule := column(t, head, "怎么办"), column(t, head, "规则")
	seen := map[string]string{}
	for _, r := range rows[2:] {
		if cellAt(r, todo) == "" {
			t.Errorf("问题清单 row %q says nothing to do", r)
		}
		seen[cellAt(r, rule)] = cellAt(r, todo)
	}
	for label, want := range map[string]string{
		"不是数字 (not_a_number)":      "在该单元格填写数字（不带单位和文字）",
		"未报送 (missing_submission)": "请尽快报送",
		"合计不符 (total_mismatch)":    "合计行应等于各行之和",
	} {
		if got, ok := seen[label]; !ok || !strings.HasPrefix(got, want) {
			t.Errorf("问题清单 %s: 怎么办 %q, want %q…", label, got, want)
		}
	}

	// The annotated copy: 审核结果, as the guide and check's help call it.
	if !strings.Contains(guide, "“审核结果”") || strings.Contains(guide, "加一张问题清单") {
		t.Error("使用说明.md does not call the annotated copy's findings sheet 审核结果")
	}
	if _, help, _ := runTally(t, "check", "--help"); !strings.Contains(help, "“审核结果”") || strings.Contains(help, "另加一张问题清单") {
		t.Errorf("check --help does not call the annotated copy's findings sheet 审核结果:\n%s", help)
	}
	for _, c := range []struct{ lang, sheet, todo, want string }{
		{"zh", "审核结果", "怎么办", "在该单元格填写数字（不带单位和文字）"},
		{"en", "Check results", "What to do", "type a number in the cell (no unit or words)"},
	} {
		dir := filepath.Join(t.TempDir(), "ann")
		runTally(t, "check", "--lang", c.lang, "--annotate", dir, repo(t, "testdata/submissions/2020-11-zsb.xlsx"))
		rows := rawRows(t, filepath.Join(dir, "2020-11-zsb.xlsx"), c.sheet)
		if len(rows) < 2 {
			t.Fatalf("%s: %q", c.sheet, rows)
		}
		todo := column(t, rows[0], c.todo)
		found := false
		for _, r := range rows[1:] {
			if strings.Contains(cellAt(r, len(r)-1), "(not_a_number)") {
				found = true
				if !strings.HasPrefix(cellAt(r, todo), c.want) {
					t.Errorf("%s not_a_number: %s %q, want %q…", c.sheet, c.todo, cellAt(r, todo), c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s lists no not_a_number: %q", c.sheet, rows)
		}
	}
}

// The guide builds tally as README does, with the Go that go.mod names,
// and its first run is README's first command: the same sample, the same
// workbook's name (it said 汇总-2020.xlsx where README says
// consolidated-2020.xlsx).
func TestGuideBuildAndFirstRun(t *testing.T) {
	t.Parallel()
	guide := readGuide(t)
	readme, err := os.ReadFile(repo(t, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(repo(t, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if goLine == nil {
		t.Fatal("go.mod has no go line")
	}
	if want := "需要 Go " + string(goLine[1]) + " 或更新的版本"; !strings.Contains(guide, want) {
		t.Errorf("使用说明.md does not say %q (go.mod: go %s)", want, goLine[1])
	}
	if want := "After cloning (Go " + string(goLine[1]) + " or later"; !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not say %q", want)
	}
	for _, build := range []string{"\ngo build -o tally ./cmd/tally\n", "\nGOOS=windows GOARCH=amd64 go build -o tally.exe ./cmd/tally\n"} {
		if !strings.Contains(guide, build) {
			t.Errorf("使用说明.md does not show %q", strings.TrimSpace(build))
		}
	}
	first := regexp.MustCompile(`(?m)^    go run ./cmd/tally (reconcile .*)$`).FindStringSubmatch(string(readme))
	if first == nil {
		t.Fatal("README.md has no first command")
	}
	if want := "\ntally " + first[1] + "\n"; !strings.Contains(guide, want) {
		t.Errorf("使用说明.md's first run is not README's first command %q", strings.TrimSpace(want))
	}
	out := first[1][strings.LastIndex(first[1], " ")+1:]
	if !strings.Contains(guide, "写出 `"+out+"`") {
		t.Errorf("使用说明.md does not say the first run writes %s", out)
	}
	for _, name := range regexp.MustCompile(`[^\s`+"`"+`（）]+-2020\.xlsx`).FindAllString(guide, -1) {
		if name != out {
			t.Errorf("使用说明.md names the sample's workbook %s, README %s", name, out)
		}
	}
}

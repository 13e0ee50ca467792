package main

import (
	"os"
	"path/filepath"
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

package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite golden files and testscript expectations")

func TestMain(m *testing.M) {
	if os.Getenv("TALLY_TEST_MAIN") == "1" { // the test binary as tally, for runAsNobody
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	// The language follows LANG unless --lang says; the tests that run
	// tally in this process say which they mean (scripts set their own).
	if filepath.Base(os.Args[0]) != "tally" {
		for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			os.Unsetenv(k)
		}
	}
	// Many tests wait on another program (LibreOffice, python3, Chromium)
	// or on the disk; one test per core, the default -parallel, leaves
	// the cores idle then. Four at a time unless -parallel says.
	if filepath.Base(os.Args[0]) != "tally" { // not a script's tally command, whose flags are tally's
		flag.Parse()
		set := false
		flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
		if !set {
			flag.Set("test.parallel", strconv.Itoa(max(4, runtime.GOMAXPROCS(0))))
		}
	}
	testscript.Main(m, map[string]func(){
		"tally": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// repo returns a path inside the repository.
func repo(t testing.TB, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestScripts runs the CLI's behaviour scripts in testdata/script: every
// command's exit code, messages and files.
func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SAMPLE", repo(t, "testdata/submissions"))
			env.Setenv("REPORT", repo(t, "testdata/jingwu-2020-work-report.txt"))
			env.Setenv("BAD", repo(t, "testdata/bad"))
			env.Setenv("REALWORLD", repo(t, "testdata/realworld"))
			env.Setenv("CRAFTED", repo(t, "testdata/crafted"))
			env.Setenv("DOLLAR", "$") // scripts expand $NAME; Excel lock files start with ~$
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// join DST SRC...: DST is the SRC files one after another.
			"join": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: join DST SRC...")
				}
				var all []byte
				for _, src := range args[1:] {
					all = append(all, ts.ReadFile(src)...)
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), all, 0o644))
			},
			// zip DST NAME=SRC...: DST is a zip package holding each SRC
			// file under NAME (a .docx, say).
			"zip": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: zip DST NAME=SRC...")
				}
				var buf bytes.Buffer
				zw := zip.NewWriter(&buf)
				for _, a := range args[1:] {
					name, src, ok := strings.Cut(a, "=")
					if !ok {
						ts.Fatalf("usage: zip DST NAME=SRC...")
					}
					w, err := zw.Create(name)
					ts.Check(err)
					_, err = io.WriteString(w, ts.ReadFile(src))
					ts.Check(err)
				}
				ts.Check(zw.Close())
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
			},
			// hardlink OLD NEW: a second name for the same file.
			"hardlink": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: hardlink OLD NEW")
				}
				ts.Check(os.Link(ts.MkAbs(args[0]), ts.MkAbs(args[1])))
			},
			// encode ENC SRC DST: write UTF-8 SRC as DST in ENC (gbk, gb18030,
			// utf-8-bom, utf-16le, utf-16be, utf-16le-nobom, utf-16be-nobom,
			// latin1), as Notepad and others save.
			"encode": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 3 {
					ts.Fatalf("usage: encode ENC SRC DST")
				}
				encs := map[string]encoding.Encoding{
					"gbk": simplifiedchinese.GBK, "gb18030": simplifiedchinese.GB18030,
					"utf-8-bom": unicode.UTF8BOM, "latin1": charmap.ISO8859_1,
					"utf-16le":       unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
					"utf-16be":       unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
					"utf-16le-nobom": unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
					"utf-16be-nobom": unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
				}
				e, ok := encs[args[0]]
				if !ok {
					ts.Fatalf("encode: unknown encoding %s", args[0])
				}
				src, err := os.ReadFile(ts.MkAbs(args[1]))
				ts.Check(err)
				out, err := e.NewEncoder().Bytes(src)
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
			},
			// sheet XLSX SHEET OUT: write the sheet's rows to OUT, one line
			// each, the cells' values tab-separated, for grep.
			"sheet": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 3 {
					ts.Fatalf("usage: sheet XLSX SHEET OUT")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				rows, err := f.GetRows(args[1])
				ts.Check(err)
				var b strings.Builder
				for _, r := range rows {
					b.WriteString(strings.Join(r, "\t") + "\n")
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(b.String()), 0o644))
			},
			// settext XLSX SHEET CELL TEXT: type TEXT into the cell as a
			// text cell, as a clerk's typed text is stored.
			"settext": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 4 {
					ts.Fatalf("usage: settext XLSX SHEET CELL TEXT")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				ts.Check(f.SetCellStr(args[1], args[2], args[3]))
				ts.Check(f.Save())
			},
			// renamesheet XLSX OLD NEW: rename a sheet, as a clerk does.
			"renamesheet": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 3 {
					ts.Fatalf("usage: renamesheet XLSX OLD NEW")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				ts.Check(f.SetSheetName(args[1], args[2]))
				ts.Check(f.Save())
			},
			// addsheet XLSX SHEET: add an empty sheet, as a clerk inserts one.
			"addsheet": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: addsheet XLSX SHEET")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				_, err = f.NewSheet(args[1])
				ts.Check(err)
				ts.Check(f.Save())
			},
			// setformula XLSX SHEET CELL FORMULA: a formula (without its =) with no value
			// saved (a program that does not calculate wrote it).
			"setformula": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 4 {
					ts.Fatalf("usage: setformula XLSX SHEET CELL FORMULA")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				ts.Check(f.SetCellValue(args[1], args[2], nil)) // no cached value
				ts.Check(f.SetCellFormula(args[1], args[2], args[3]))
				ts.Check(f.Save())
			},
			// comments XLSX SHEET OUT: write the sheet's cell comments to
			// OUT, one line each, the cell then the text, for grep.
			"comments": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 3 {
					ts.Fatalf("usage: comments XLSX SHEET OUT")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer f.Close()
				cs, err := f.GetComments(args[1])
				ts.Check(err)
				var b strings.Builder
				for _, c := range cs {
					text := c.Text
					for _, p := range c.Paragraph {
						text += p.Text
					}
					b.WriteString(c.Cell + "\t" + strings.ReplaceAll(text, "\n", " ") + "\n")
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(b.String()), 0o644))
			},
			// exitcode N prog args...: run prog and require exit status N;
			// stdout and stderr stay available to the next commands.
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exitcode N prog [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exitcode: %v", err)
				}
				err = ts.Exec(args[1], args[2:]...)
				got := 0
				var ee *exec.ExitError
				switch {
				case errors.As(err, &ee):
					got = ee.ExitCode()
				case err != nil:
					ts.Fatalf("exitcode: %v", err)
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
		},
	})
}

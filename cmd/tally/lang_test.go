package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/store"
)

// dataToken is what a line may carry in the other language because it is
// a name or a datum, not tally's words: paths and file names, flags,
// command names, codes of indicators, departments and tables, claim ids.
var dataToken = regexp.MustCompile(`(?i)(\S*[/\\]\S*|\S+\.(xlsx|xls|yaml|yml|txt|docx|json)\b|--?[a-z][a-z-]*|\btally\b|\b(reconcile|check|status|template|extract|spec|help|merge|serve|user|add|reset|disable|list|backup|office|dept)\b|\b[a-z]+(-[a-z0-9]+)+\b|\b(czs|tjz|zsb|ldbz|kjk|tax|fai|industrial_output|retail_sales|domestic_investment|new_jobs|[a-z]+_[a-z_]+)\b|\b(MB|YAML|UTF-8|PDF|Excel|CSV|GB|zh|en|LANG|LC_ALL|claims|int)\b)`)

var asciiWord = regexp.MustCompile(`[A-Za-z]{2,}`)

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// outputs runs the commands a clerk runs, their help and their usage
// mistakes, in lang, and returns every line they print.
func outputs(t *testing.T, lang string) []string {
	t.Helper()
	sample, bad, rep := repo(t, "testdata/submissions"), repo(t, "testdata/bad"), repo(t, "testdata/jingwu-2020-work-report.txt")
	dir := t.TempDir()
	runs := [][]string{
		{"reconcile", "--as-of", "2021-07", sample, "-o", dir + "/out.xlsx"},
		{"reconcile", "--as-of", "2020-12", sample},
		{"check", bad},
		{"check", "--annotate", dir + "/ann", bad},
		{"status", sample},
		{"status", "--as-of", "2021-03", sample},
		{"template", "--list"},
		{"template", "--period", "2021-04", "--from", sample, "-o", dir + "/t"},
		{"extract", rep},
		{"extract", "-o", dir + "/claims.yaml", rep},
		{"--help"}, {"help"}, {"--version"},
		{"reconcile"}, {"reconcile", "--bogus"}, {"reconcile", "--jobs", "x", sample}, {"reconcile", "nosuch"},
		{"frobnicate"}, {"template", "--period", "2021-13", "-o", dir}, {"extract", "nosuch.txt"},
	}
	for _, c := range []string{"reconcile", "check", "status", "template", "extract", "spec", "merge", "serve"} {
		runs = append(runs, []string{c, "--help"})
	}
	// A spec with a mistake, read by each command that reads one.
	badSpec := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badSpec, []byte("town: 精武镇\nyear: 2020\nindicators:\n  - {code: tax, name: 税收收入}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runs = append(runs, []string{"spec", "--spec", badSpec}, []string{"check", "--spec", badSpec, bad},
		[]string{"reconcile", "--spec", badSpec, sample}, []string{"spec", "--spec", dir + "/nosuch.yaml"})
	// tally serve's command line: help, accounts, backups, mistakes.
	desk := filepath.Join(dir, "desk")
	// A desk set up as tally serve sets one up: the account commands refuse
	// a --data folder without its database (a mistyped path).
	if st, err := store.Open(desk); err != nil {
		t.Fatal(err)
	} else {
		st.Close()
	}
	runs = append(runs, []string{"serve", "user", "add", "--data", filepath.Join(dir, "nodesk"), "czs", "--dept", "czs"})
	for _, c := range [][]string{
		{"user", "--help"}, {"user", "add", "--help"}, {"user", "reset", "--help"}, {"user", "disable", "--help"},
		{"user", "list", "--help"}, {"backup", "--help"},
		{"user", "add", "--data", desk, "czs", "--dept", "czs"}, {"user", "add", "--data", desk, "czs", "--dept", "czs"},
		{"user", "add", "--data", desk, "x", "--dept", "nosuch"}, {"user", "add", "--data", desk, "x"}, {"user", "add", "--data", desk},
		{"user", "add", "--data", desk, "bad name", "--office"}, {"user", "reset", "--data", desk, "czs"}, {"user", "reset", "--data", desk, "nobody"},
		{"user", "reset", "--data", desk, "czs", "--password-stdin"}, {"user", "disable", "--data", desk, "czs"}, {"user", "list", "--data", desk},
		{"backup", "--data", desk, dir + "/copy.db"}, {"backup", "--data", desk, dir + "/copy.db"},
		{"--data", desk, "--tls-cert", "c.pem"}, {"--data", desk, "--tls-cert", "c.pem", "--tls-key", "k.pem", "--addr", "127.0.0.1:0"},
		{"--data", desk, "--max-file-mb", "0"}, {"--data", desk, "--addr", "127.0.0.1:99999"}, {"--data", desk, "extra"},
	} {
		runs = append(runs, append([]string{"serve"}, c...))
	}
	var lines []string
	for _, args := range runs {
		var out, errb strings.Builder
		if !slices.Contains(args, "--lang") {
			args = append(args, "--lang", lang)
		}
		run(args, strings.NewReader("short\n"), &out, &errb)
		for _, l := range strings.Split(out.String()+errb.String(), "\n") {
			lines = append(lines, strings.Join(args, " ")+"\t"+l)
		}
	}
	// tally serve itself, stopped as soon as it has said where it listens:
	// the address, the data folder, the office's password, stopping.
	var out, errb strings.Builder
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	opts := serveOptions{Data: filepath.Join(dir, "desk2"), Addr: "127.0.0.1:0", Lang: lang, MaxFileMB: 64}
	if err := runServe(ctx, streams{strings.NewReader(""), &out, &errb, reconcile.Lang(lang)}, &opts); err != nil {
		t.Fatalf("serve: %v", err)
	}
	served := out.String() + errb.String()
	for _, want := range []string{"127.0.0.1:", "office", "desk2"} {
		if !strings.Contains(served, want) {
			t.Errorf("serve --lang %s printed no %q:\n%s", lang, want, served)
		}
	}
	for _, l := range strings.Split(served, "\n") {
		lines = append(lines, "serve\t"+l)
	}
	return lines
}

// specData returns the names the spec gives — indicators, departments,
// sheets, units — longest first: data in either language's output.
func specData(t *testing.T) []string {
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range s.Indicators {
		out = append(out, d.Name, d.Unit.Name)
		out = append(out, d.Aliases...)
	}
	for _, d := range s.Departments {
		out = append(out, d.Name)
		for _, tb := range d.Tables {
			out = append(out, tb.Sheet)
		}
	}
	for _, c := range s.Claims {
		out = append(out, c.Text)
	}
	out = append(out, s.Town)
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// TestOneLanguage: with --lang en no line is Chinese only, and by default
// no line is English only, except for file names and the data themselves
// (names of indicators and departments, the report's text, codes); and no
// line leaves a named field unfilled.
func TestOneLanguage(t *testing.T) {
	t.Parallel()
	data := specData(t)
	for _, lang := range []reconcile.Lang{reconcile.Chinese, reconcile.English} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel() // each language its own folders and desks
			oneLanguage(t, lang, data)
		})
	}
}

// oneLanguage checks every line the commands print in lang.
func oneLanguage(t *testing.T, lang reconcile.Lang, data []string) {
	for _, l := range outputs(t, string(lang)) {
		args, line, _ := strings.Cut(l, "\t")
		if strings.HasPrefix(strings.TrimSpace(line), "tally ") {
			continue // a command in the help's examples: its words are data
		}
		if unfilled.MatchString(line) {
			t.Errorf("tally %s --lang %s: unfilled field in %q", args, lang, line)
		}
		words := dataToken.ReplaceAllString(line, " ")
		for _, d := range data {
			if d != "" {
				words = strings.ReplaceAll(words, d, " ")
			}
		}
		switch {
		case lang == reconcile.Chinese && !hasHan(words) && asciiWord.MatchString(words):
			t.Errorf("tally %s: English-only line in Chinese output: %q", args, line)
		case lang == reconcile.English && hasHan(words) && !asciiWord.MatchString(words):
			t.Errorf("tally %s --lang en: Chinese-only line in English output: %q", args, line)
		}
	}
}

// TestLangFromEnvironment: an English LANG or LC_ALL gives English; any
// other locale, or none, Chinese; --lang wins.
func TestLangFromEnvironment(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  map[string]string
		want reconcile.Lang
	}{
		{nil, nil, reconcile.Chinese},
		{nil, map[string]string{"LANG": "en_US.UTF-8"}, reconcile.English},
		{nil, map[string]string{"LANG": "zh_CN.UTF-8"}, reconcile.Chinese},
		{nil, map[string]string{"LANG": "C.UTF-8"}, reconcile.Chinese},
		{nil, map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, reconcile.English},
		{nil, map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, reconcile.Chinese},
		{[]string{"--lang", "zh"}, map[string]string{"LANG": "en_US.UTF-8"}, reconcile.Chinese},
		{[]string{"reconcile", "--lang=en"}, nil, reconcile.English},
	} {
		if got := detectLang(c.args, func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("args %v env %v: %s, want %s", c.args, c.env, got, c.want)
		}
	}
}

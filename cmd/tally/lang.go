package main

import (
	"errors"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"syscall"

	"github.com/jingwu/tally/reconcile"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// msg is a message of the command layer in both languages, placing named
// fields as {field} (reconcile.Fill), like the findings' catalogue.
type msg = reconcile.Text

// field is shorthand for a message's fields.
type fields = reconcile.Fields

// detectLang decides the language of everything tally prints before the
// flags are parsed (help and usage errors included): --lang when given,
// else English when LC_ALL, LC_MESSAGES or LANG (the first one set) names
// an English locale, else Chinese.
func detectLang(args []string, getenv func(string) string) reconcile.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok && (v == string(reconcile.English) || v == string(reconcile.Chinese)) {
			return reconcile.Lang(v)
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return reconcile.English
			}
			return reconcile.Chinese
		}
	}
	return reconcile.Chinese
}

// localized is an error that can say itself in either language.
type localized interface {
	error
	In(reconcile.Lang) string
}

// usageError is a mistake of the caller's, printed as one plain line with
// a hint to read the help.
type usageError struct {
	m msg
	f fields
}

func (e *usageError) Error() string                 { return e.In(reconcile.English) }
func (e *usageError) In(lang reconcile.Lang) string { return reconcile.Fill(e.m, e.f, lang) }

// usage returns a usage error saying m with its fields.
func usage(m msg, f fields) error { return &usageError{m, f} }

// failure is something tally could not do (read, write), with its cause.
type failure struct {
	m   msg
	f   fields
	err error
}

func (e *failure) Error() string { return e.In(reconcile.English) }
func (e *failure) Unwrap() error { return e.err }
func (e *failure) In(lang reconcile.Lang) string {
	s := reconcile.Fill(e.m, e.f, lang)
	if e.err != nil {
		s += reconcile.Text{"：", ": "}.In(lang) + errorText(e.err, lang)
	}
	return s
}

// failures are several failures at once, each said on a line of its own
// (tally prefixes the first; the others get the same prefix here).
type failures []error

func (e failures) Error() string { return e.In(reconcile.English) }
func (e failures) In(lang reconcile.Lang) string {
	lines := make([]string, len(e))
	for i, err := range e {
		lines[i] = errorText(err, lang)
	}
	return strings.Join(lines, "\ntally: ")
}

// fail returns a failure saying m with its fields, caused by err.
func fail(m msg, f fields, err error) error { return &failure{m, f, err} }

// errorText says err in lang: tally's own errors in either language, the
// operating system's common ones in Chinese too, others as they are.
func errorText(err error, lang reconcile.Lang) string {
	var l localized
	if errors.As(err, &l) {
		return l.In(lang)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	for _, k := range []struct {
		target error
		text   msg
	}{
		{fs.ErrNotExist, msg{"文件或文件夹不存在", "no such file or directory"}},
		{fs.ErrPermission, msg{"没有权限", "permission denied"}},
		{fs.ErrExist, msg{"已存在", "already exists"}},
		{syscall.EADDRINUSE, msg{"地址已被占用（另一个程序，或另一个 tally serve，正在使用这个端口）", "address already in use (another program, or another tally serve, has this port)"}},
	} {
		if errors.Is(err, k.target) {
			return k.text.In(lang)
		}
	}
	if s := err.Error(); strings.Contains(s, "not a directory") {
		return msg{"路径中有一段是文件而不是文件夹", "not a directory"}.In(lang)
	}
	return err.Error()
}

// flagError turns pflag's complaints into usage errors in both languages.
func flagError(cmd *cobra.Command, err error) error {
	s := err.Error()
	switch {
	case strings.HasPrefix(s, "unknown flag: "):
		flag := strings.TrimPrefix(s, "unknown flag: ")
		if near := nearFlags(cmd, flag); len(near) > 0 {
			return usage(msg{"没有选项 {flag}\n您是不是要用 {names}？", "unknown flag: {flag}\nDid you mean {names}?"},
				fields{"flag": flag, "names": reconcile.Text{strings.Join(near, " 或 "), strings.Join(near, " or ")}})
		}
		return usage(msg{"没有选项 {flag}", "unknown flag: {flag}"}, fields{"flag": flag})
	case strings.HasPrefix(s, "unknown shorthand flag: "):
		return usage(msg{"没有选项 {flag}", "unknown flag: {flag}"}, fields{"flag": strings.TrimPrefix(s, "unknown shorthand flag: ")})
	case strings.HasPrefix(s, "flag needs an argument: "):
		return usage(msg{"选项 {flag} 需要一个值", "flag {flag} needs a value"}, fields{"flag": strings.TrimPrefix(s, "flag needs an argument: ")})
	case invalidFlag.MatchString(s):
		m := invalidFlag.FindStringSubmatch(s)
		return usage(msg{"选项 {flag} 的值“{value}”无效", "flag {flag}: invalid value \"{value}\""}, fields{"flag": m[2], "value": m[1]})
	}
	return usage(msg{"选项有误：{detail}", "{detail}"}, fields{"detail": s})
}

// nearFlags returns the command's visible flags closest to a mistyped one
// (--asof: --as-of), by edit distance ignoring case and dashes' count, at
// most 2 edits (as cobra suggests commands), in name order.
func nearFlags(cmd *cobra.Command, typed string) []string {
	name, _, _ := strings.Cut(strings.TrimLeft(typed, "-"), "=")
	name = strings.ToLower(name)
	if name == "" || cmd == nil {
		return nil
	}
	// Close enough to be a slip: one change in a short name, two in a
	// longer one (--bogus is no --jobs), letters swapped counting one.
	best, out := 2, []string(nil)
	if len([]rune(name)) >= 6 {
		best = 3
	}
	seen := map[string]bool{}
	visit := func(f *pflag.Flag) {
		if f.Hidden || seen[f.Name] {
			return
		}
		seen[f.Name] = true
		d := editDistance(name, f.Name)
		if strings.ReplaceAll(name, "-", "") == strings.ReplaceAll(f.Name, "-", "") || sameLetters(name, f.Name) {
			d = 1 // --asof, --as_of: only the dash differs; --jbos: two letters swapped
		}
		switch {
		case d < best:
			best, out = d, []string{"--" + f.Name}
		case d == best:
			out = append(out, "--"+f.Name)
		}
	}
	cmd.Flags().VisitAll(visit)
	cmd.InheritedFlags().VisitAll(visit)
	sort.Strings(out)
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(y)]
}

var (
	invalidFlag    = regexp.MustCompile(`^invalid argument "(.*)" for "(.*?)" flag`)
	unknownCommand = regexp.MustCompile(`^unknown command "(.*?)"`)
)

// args checks a command's arguments, saying what is wrong in both languages
// (what, which may place {got}, the number of arguments given).
func args(check cobra.PositionalArgs, what msg) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usage(what, fields{"got": len(a)})
		}
		return nil
	}
}

// Messages for the positional arguments.
var (
	needPaths  = msg{"请给出要读取的文件或文件夹", "give the files or folders to read"}
	noArgs     = msg{"此命令不接受参数（收到 {got} 个）", "this command takes no arguments (got {got})"}
	needReport = msg{"请给出一个报告文件（PDF 提取的文本或 .docx）", "give one report file (text extracted from the PDF, or a .docx)"}
)

// cobra's template functions are global: one for each language, set once,
// so runs in one process (the tests run tally in parallel) in either
// language neither race nor take each other's words.
func init() {
	cobra.AddTemplateFunc("flagUsagesZh", func(fs *pflag.FlagSet) string { return flagUsages(fs, reconcile.Chinese) })
	cobra.AddTemplateFunc("flagUsagesEn", func(fs *pflag.FlagSet) string { return flagUsages(fs, reconcile.English) })
}

// localize sets cobra's own words — usage, help, the help flag and
// command, unknown commands — in lang, for cmd and its subcommands.
func localize(root *cobra.Command, lang reconcile.Lang) {
	t := func(zh, en string) string { return msg{zh, en}.In(lang) }
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetUsageTemplate(t(usageZh, usageEn))
	root.SetHelpTemplate(`{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`)
	root.SetVersionTemplate(t("tally 版本 {{.Version}}\n", "tally version {{.Version}}\n"))
	root.SetHelpCommand(&cobra.Command{
		Use: t("help [命令] [选项]", "help [command] [flags]"),
		// the Use says [选项] or [flags] itself, as every command's does
		DisableFlagsInUseLine: true,
		Short:                 t("显示某个命令的帮助", "Help about any command"),
		Run: func(c *cobra.Command, a []string) {
			cmd, _, e := c.Root().Find(a)
			if cmd == nil || e != nil {
				cmd = c.Root()
			}
			_ = cmd.Help()
		},
	})
	root.PersistentFlags().BoolP("help", "h", false, t("显示帮助", "show this help"))
	root.Flags().BoolP("version", "v", false, t("显示版本", "version for tally"))
}

const usageZh = `用法：{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{flagUsagesZh .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

通用选项：
{{flagUsagesZh .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

用 "{{.CommandPath}} [命令] --help" 查看各命令的说明。{{end}}
`

const usageEn = `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{flagUsagesEn .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{flagUsagesEn .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more information about a command.{{end}}
`

// flagUsages lists flags as pflag does, but aligned by display width and
// with value types named in lang.
func flagUsages(fs *pflag.FlagSet, lang reconcile.Lang) string {
	types := map[string]msg{"int": {"整数", "int"}, "int64": {"整数", "int"}, "string": {"文字", "string"}, "stringSlice": {"文字", "strings"}}
	var heads, usages []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		head := "      --" + f.Name
		if f.Shorthand != "" {
			head = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, text := pflag.UnquoteUsage(f)
		if t, ok := types[name]; ok {
			name = t.In(lang)
		}
		if name != "" && f.Value.Type() != "bool" {
			head += " " + name
		}
		heads = append(heads, head)
		usages = append(usages, text)
	})
	n := widest(heads)
	var b strings.Builder
	for i := range heads {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(pad(heads[i], n) + "   " + usages[i])
	}
	return b.String()
}

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/jingwu/tally/reconcile"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes, like diff(1).
const (
	exitClean    = 0 // every claim consistent, no finding of severity error
	exitFindings = 1 // findings or mismatches
	exitFailed   = 2 // tally could not do its job
	exitBug      = 3 // a bug in tally: a broken invariant or a panic
	// Interrupted by a signal: 128 + its number, as shells report it.
	exitInterrupt = 130 // SIGINT
	exitTerminate = 143 // SIGTERM
)

// errFindings reports that the run worked and found something to act on.
var errFindings = errors.New("findings")

// streams are where a command reads and writes, so tests need no terminal,
// and the language it speaks.
type streams struct {
	In   io.Reader
	Out  io.Writer
	Err  io.Writer
	Lang reconcile.Lang
}

// t returns zh or en in the streams' language.
func (s streams) t(zh, en string) string { return reconcile.Text{zh, en}.In(s.Lang) }

func newRootCommand(io streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "tally",
		Short: io.t("汇总各部门报送的表格，并与政府工作报告的数字逐一核对", "Consolidate department submissions and check the government work report against them"),
		Long: io.t(`tally 读取镇各部门每月报送的 Excel 表格，逐格审核，按十进制精确汇总（不用浮点数），
并把政府工作报告中的每个数字与汇总结果逐一核对。

不加 --spec 时使用内置的精武镇 2020 年规格。

退出状态：0 报告数字全部一致且没有错误；1 有问题或不符；2 tally 无法完成工作；
3 tally 自身的缺陷（内部错误，会说明应报告给维护者的内容）。`,
			`tally reads the monthly Excel submissions of a town's departments, checks every
cell, consolidates the figures exactly (decimal, never floating point) and
checks each figure the published government work report states against them.

Without --spec it uses the built-in spec for 精武镇 2020.

Exit status: 0 when every report figure is consistent and no cell has an
error, 1 when there are findings or mismatches, 2 when tally could not run,
3 on a bug in tally itself (reported with what to send to its maintainers).`),
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(flagError)
	var lang string
	root.PersistentFlags().StringVar(&lang, "lang", "", io.t("输出、工作簿和提示的语言：`zh|en`（中文或英文）；不给时看 LC_ALL/LANG 环境变量，默认中文",
		"the language of the output, workbooks and messages: `zh|en` (Chinese or English); by default from LC_ALL/LANG, else Chinese"))
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if lang != "" && lang != string(reconcile.Chinese) && lang != string(reconcile.English) {
			return usage(msg{"--lang “{value}”：应为 zh（中文）或 en（英文）", "--lang \"{value}\": want zh or en"}, fields{"value": lang})
		}
		return nil
	}
	localize(root, io.Lang)
	root.AddCommand(newReconcileCommand(io), newCheckCommand(io), newStatusCommand(io), newTemplateCommand(io), newExtractCommand(io), newSpecCommand(io), newMergeCommand(io))
	root.AddCommand(newServeCommand(io))
	var each func(*cobra.Command)
	each = func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true // each Use says [选项] or [flags] itself
		showDefaults(c, io.Lang)
		for _, sub := range c.Commands() { // serve's user and backup
			each(sub)
		}
	}
	for _, c := range root.Commands() {
		each(c)
	}
	return root
}

var version = "0.1.0"

// beforeRun, when set by a test, runs before the command: a hook to make
// tally fail the way a bug would.
var beforeRun func() error

// run executes tally and maps its outcome to an exit code: the only place
// that does. Usage mistakes get a hint; a bug (a *reconcile.Bug or a panic)
// says it is one and what to report; every other failure is printed as is.
// An interrupt or termination removes the temporary files first.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer onSignal(stderr, detectLang(args, os.Getenv))()
	defer func() {
		if r := recover(); r != nil {
			code = reportBug(stderr, args, fmt.Sprint(r), debug.Stack())
		}
	}()
	lang := detectLang(args, os.Getenv)
	root := newRootCommand(streams{stdin, stdout, stderr, lang})
	root.SetArgs(args)
	if beforeRun != nil {
		checkLang := root.PersistentPreRunE
		root.PersistentPreRunE = func(c *cobra.Command, a []string) error {
			if err := beforeRun(); err != nil {
				return err
			}
			return checkLang(c, a)
		}
	}
	cmd, err := root.ExecuteC()
	var ue *usageError
	var bug *reconcile.Bug
	switch {
	case err == nil:
		return exitClean
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &bug):
		return reportBug(stderr, args, bug.What, nil)
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "tally: %s\n%s\n", ue.In(lang), reconcile.Fill(msg{"帮助：{cmd} --help", "Try: {cmd} --help"}, fields{"cmd": cmd.CommandPath()}, lang))
	case unknownCommand.MatchString(err.Error()):
		name := unknownCommand.FindStringSubmatch(err.Error())[1]
		fmt.Fprintf(stderr, "tally: %s\n", reconcile.Fill(msg{"没有命令 {name}", "unknown command \"{name}\""}, fields{"name": name}, lang))
		if near := root.SuggestionsFor(name); len(near) > 0 {
			fmt.Fprintln(stderr, reconcile.Fill(msg{"您是不是要用 {names}？", "Did you mean {names}?"}, fields{"names": strings.Join(near, msg{" 或 ", " or "}.In(lang))}, lang))
		}
		fmt.Fprintln(stderr, msg{"帮助：tally --help", "Try: tally --help"}.In(lang))
	default:
		fmt.Fprintf(stderr, "tally: %s\n", errorText(err, lang))
	}
	return exitFailed
}

// onSignal removes the temporary files and exits when tally is
// interrupted or terminated; the returned function stops watching.
func onSignal(stderr io.Writer, lang reconcile.Lang) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	stop := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			removeTemps()
			fmt.Fprintf(stderr, "tally: %s\n", say(lang, msg{"{signal}：已停止，临时文件已删除", "{signal}: stopped; its temporary files removed"}, fields{"signal": signalName(sig)}))
			code := exitInterrupt
			if sig == syscall.SIGTERM {
				code = exitTerminate
			}
			os.Exit(code)
		case <-stop:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(stop)
	}
}

// showDefaults moves each flag's default into its help text in lang, as
// pflag would print "(default …)" in English only.
func showDefaults(cmd *cobra.Command, lang reconcile.Lang) {
	show := func(f *pflag.Flag) {
		if f.Name == "lang" {
			f.DefValue = "" // its help says how the default is chosen
			return
		}
		switch f.DefValue {
		case "", "0", "false", "[]":
			return
		}
		f.Usage += reconcile.Fill(msg{"（默认 {v}）", " (default {v})"}, fields{"v": f.DefValue}, lang)
		switch f.Value.Type() {
		case "string":
			f.DefValue = ""
		case "bool":
			f.DefValue = "false"
		default:
			f.DefValue = "0"
		}
	}
	cmd.Flags().VisitAll(show)
	cmd.PersistentFlags().VisitAll(show) // merged into Flags only when parsed
}

// reportBug prints a bug in tally as one: not the user's mistake, with what
// to send to whoever maintains it. Both languages: a bug can happen before
// the language is known, and the report goes to a maintainer.
func reportBug(w io.Writer, args []string, what string, stack []byte) int {
	fmt.Fprintf(w, "tally: 内部错误：%s\n", what)
	fmt.Fprintf(w, "这是 tally 自身的缺陷，不是您的文件或操作有误。请把本段信息和所运行的命令报告给 tally 的维护者。\n")
	fmt.Fprintf(w, "This is a bug in tally, not a mistake in your files or command: please report this message and the command you ran.\n")
	fmt.Fprintf(w, "tally %s, %s %s/%s, args %q\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH, args)
	if len(stack) > 0 {
		w.Write(stack)
	}
	return exitBug
}

// signalName names the signal that stopped tally in both languages.
func signalName(sig os.Signal) reconcile.Text {
	if sig == syscall.SIGTERM {
		return reconcile.Text{"收到终止信号", "terminated"}
	}
	return reconcile.Text{"已中断（Ctrl+C）", "interrupted"}
}

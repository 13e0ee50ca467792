package workbook

import (
	"archive/zip"
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/jingwu/tally/reconcile"
)

// NotRegular is the error of an input that is not a regular file (a FIFO,
// a device, a socket): it is reported and never opened, since opening a
// FIFO waits for a writer forever and a device may never end.
func NotRegular(m fs.FileMode) error {
	what := [2]string{"特殊文件", "a special file"}
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = [2]string{"命名管道（FIFO）", "a named pipe (FIFO)"}
	case m&fs.ModeSocket != 0:
		what = [2]string{"套接字", "a socket"}
	case m&fs.ModeCharDevice != 0:
		what = [2]string{"字符设备", "a character device"}
	case m&fs.ModeDevice != 0:
		what = [2]string{"块设备", "a block device"}
	case m&fs.ModeDir != 0:
		what = [2]string{"文件夹", "a folder"}
	case m&fs.ModeIrregular != 0:
		what = [2]string{"非普通文件", "not a regular file"}
	}
	return fileErr("这不是普通文件，而是"+what[0]+"，未读取", "not a regular file but "+what[1]+"; not read", nil)
}

// Refused is the submission of an input that was never read: its reason
// (an unreadable folder, a file that is not a regular file, an error
// opening it, a panic while reading it) is its one finding. base is the
// file's own name, which may still say its department and period.
func Refused(display, base string, s *reconcile.Spec, err error, folder bool) reconcile.Submission {
	sub := reconcile.Submission{File: display}
	if folder {
		sub.Unreadable = true
		sub.Findings = []reconcile.Finding{{Source: reconcile.Source{File: display}, Rule: reconcile.RuleUnreadableFolder,
			Severity: reconcile.Error, Fields: reconcile.Fields{"reason": reconcile.Text(osCause(err))}}}
		return sub
	}
	return unreadable(identifyByName(sub, base, s), asFileError(err))
}

// Panicked is the error of a file whose reading panicked: a bug in tally,
// reported at the file so the run finishes the others.
func Panicked(v any) error {
	return fileErr(fmt.Sprintf("读取时程序内部出错（tally 的缺陷，请报告）：%v", v),
		fmt.Sprintf("internal error while reading (a bug in tally; please report it): %v", v), nil)
}

// Cause returns an error's message in both languages, keeping the OS
// error's cause, as a message argument.
func Cause(err error) reconcile.Text {
	var fe *FileError
	if errors.As(err, &fe) {
		return reconcile.Text(fe.Reason)
	}
	return reconcile.Text(osCause(err))
}

func asFileError(err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	return &FileError{osCause(err), err}
}

// osErr is a FileError whose reason keeps the OS error's cause, in both
// languages, under what failed: "无法读取文件：磁盘或网络读写错误".
func osErr(zh, en string, err error) *FileError {
	c := osCause(err)
	return &FileError{[2]string{zh + "：" + c[0], en + ": " + c[1]}, err}
}

// osCause says why an operation on a file failed, in Chinese and English.
func osCause(err error) [2]string {
	switch {
	case errors.Is(err, ErrFolderLink):
		return [2]string{"这是指向文件夹的链接，tally 不跟随链接读取其中的文件；要读取它们，请在命令中直接给出该文件夹",
			"it is a link to a folder, which tally does not follow: to read the files in it, give that folder itself"}
	case err == nil:
		return [2]string{"原因不明", "unknown cause"}
	case errors.Is(err, fs.ErrPermission):
		return [2]string{"没有读取权限", "permission denied"}
	case errors.Is(err, fs.ErrNotExist):
		return [2]string{"文件不存在（可能已被移走或删除）", "no such file (moved or deleted?)"}
	case errors.Is(err, syscall.EISDIR):
		return [2]string{"这是一个文件夹", "is a folder"}
	case errors.Is(err, syscall.EIO):
		return [2]string{"磁盘或网络读写错误", "input/output error (disk or network)"}
	case errors.Is(err, syscall.ELOOP):
		return [2]string{"符号链接循环", "a loop of symbolic links"}
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return [2]string{"同时打开的文件过多", "too many open files"}
	case errors.Is(err, syscall.ENAMETOOLONG):
		return [2]string{"文件名过长", "file name too long"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return [2]string{"文件在读取中途结束（不完整）", "the file ends early (incomplete)"}
	case errors.Is(err, zip.ErrChecksum):
		return [2]string{"校验和不符（内容已损坏或被改动）", "checksum mismatch (damaged or altered)"}
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return [2]string{"系统错误：" + msg, msg}
}

// ErrFolderLink is a symbolic link to a folder met in a folder being
// read: not followed (a link can lead out of the folder, or round in a
// loop), and said, since the files under it are read by no one.
var ErrFolderLink = errors.New("link to a folder")

// openRegular opens path for reading only if it is a regular file: it is
// opened without waiting (a FIFO swapped in after the folder was listed
// does not block) and checked before a byte is read.
func openRegular(path string) (*os.File, os.FileInfo, error) {
	f, err := openNoWait(path)
	if err != nil {
		return nil, nil, &FileError{osCause(err), err} // said under 无法读取文件：
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, &FileError{osCause(err), err} // said under 无法读取文件：
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, NotRegular(st.Mode())
	}
	return f, st, nil
}

// boundFindings keeps a submission's findings under max while it is read:
// the first max, then one too_many_findings summary whose counts grow
// with what is dropped (the ledger folds it into the file's one summary).
func boundFindings(sub *reconcile.Submission, max int) {
	fs := sub.Findings
	if max <= 0 || len(fs) <= max {
		return
	}
	var sum *reconcile.Finding
	rest := fs[max:]
	if fs[max].Rule == reconcile.RuleTooManyFindings {
		sum, rest = &fs[max], fs[max+1:]
	} else {
		fs = append(fs[:max:max], reconcile.Finding{Source: reconcile.Source{File: sub.File}, Department: sub.Department,
			Rule: reconcile.RuleTooManyFindings, Severity: reconcile.Warning, Fields: reconcile.Fields{"listed": max, "more": 0, "errors": 0}})
		rest = append([]reconcile.Finding(nil), rest...)
		sum = &fs[max]
	}
	dropped, _ := sum.Fields["more"].(int)
	errs, _ := sum.Fields["errors"].(int)
	for _, f := range rest {
		dropped++
		if f.Severity == reconcile.Error {
			errs++
		}
	}
	sum.Fields = reconcile.Fields{"listed": max, "more": dropped, "errors": errs}
	if errs > 0 {
		sum.Severity = reconcile.Error
	}
	sub.Findings = fs[:max+1]
}

// findingsBound is the reader's bound on one file's findings.
func findingsBound(x sheetScanner) int {
	if b, ok := x.(interface{ limits() Limits }); ok {
		return b.limits().MaxFindings
	}
	return DefaultLimits.MaxFindings
}

func (x *xlsx) limits() Limits { return x.lim }

// biffEncrypted reports whether a legacy workbook stream is encrypted: a
// FILEPASS record (0x002F) among the first records of its globals, before
// their EOF. Only the first records are read (bounded).
func biffEncrypted(r io.Reader) bool {
	br := bufio.NewReaderSize(io.LimitReader(r, 64<<10), 4096)
	var h [4]byte
	for i := 0; i < 256; i++ {
		if _, err := io.ReadFull(br, h[:]); err != nil {
			return false
		}
		typ, n := binary.LittleEndian.Uint16(h[:2]), binary.LittleEndian.Uint16(h[2:])
		switch typ {
		case 0x002F:
			return true
		case 0x000A: // EOF of the globals
			return false
		}
		if _, err := br.Discard(int(n)); err != nil {
			return false
		}
	}
	return false
}

// textFile is the reason of a file that is plain text where a workbook was
// expected.
var textFile = [2]string{"这是文本文件（可能是改了扩展名的 CSV），不是 xlsx 工作簿", "a text file (a CSV renamed .xlsx?), not an xlsx workbook"}

// refineOpen says more about a file that did not open, from its name: an
// Excel lock file (~$…, what Excel keeps beside a workbook while it is
// open), or a text file whose name does not claim to be a spreadsheet
// (notes.txt is no renamed CSV).
func refineOpen(err error, base string) error {
	var fe *FileError
	if !errors.As(err, &fe) {
		return err
	}
	ext := strings.ToLower(filepath.Ext(base))
	if what, ok := foreignFormats[ext]; ok && !strings.HasPrefix(base, "~$") {
		return fileErr("这是 "+what[0]+"，tally 不能读取；请另存为 .xlsx 工作簿后重新报送",
			what[1]+", which tally cannot read; save it as an .xlsx workbook and send it again", nil)
	}
	switch {
	case strings.HasPrefix(base, "~$"):
		return fileErr("这是 Excel 的锁定文件（文件正在 Excel 中打开时产生的锁定文件，以 ~$ 开头），不是报送文件；请报送不带 ~$ 的原文件",
			"an Excel lock file (Excel keeps one, named ~$…, beside a workbook while it is open), not a submission; send the file without ~$", nil)
	case fe.Reason == textFile && ext == ".csv":
		return fileErr("这是 CSV 文本文件，不是 Excel 工作簿；请把数字填入下发的 .xlsx 报表模板后重新报送",
			"a CSV text file, not an Excel workbook; fill in the .xlsx template you were sent and send that", nil)
	case fe.Reason == textFile && ext == "":
		return fileErr("这是文本文件，不是电子表格；请报送 .xlsx 工作簿", "a text file, not a spreadsheet; send an .xlsx workbook", nil)
	case fe.Reason == textFile && !spreadsheetExt[ext] && ext != ".csv":
		return fileErr("这是文本文件（"+ext+"），不是电子表格；请报送 .xlsx 工作簿", "a text file ("+ext+"), not a spreadsheet; send an .xlsx workbook", nil)
	}
	return err
}

// spreadsheetExt are the extensions of workbooks tally reads (or names).
var spreadsheetExt = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".ods": true}

// templateExt are the template forms of the packages tally reads: the same
// parts (Excel's .xltx and .xltm, Calc's .ots), read by their content.
var templateExt = map[string]bool{".xltx": true, ".xltm": true, ".ots": true}

// foreignFormats are spreadsheet formats tally does not read, named as
// what they are. A department that saves its return in one (WPS's own
// .et, Excel's binary .xlsb) has sent it: the file is reported with what
// to save it as, and its department-month, from its name, is unreadable —
// not skipped and then called 未报送.
var foreignFormats = map[string][2]string{
	".xlsb":    {"Excel 二进制工作簿（.xlsb）", "an Excel binary workbook (.xlsb)"},
	".et":      {"WPS 表格文件（.et）", "a WPS Spreadsheets file (.et)"},
	".ett":     {"WPS 表格模板（.ett）", "a WPS Spreadsheets template (.ett)"},
	".xlt":     {"旧版 Excel 模板（.xlt）", "a legacy Excel template (.xlt)"},
	".fods":    {"单文件 OpenDocument 表格（.fods）", "a flat OpenDocument spreadsheet (.fods)"},
	".numbers": {"Apple Numbers 表格（.numbers）", "an Apple Numbers spreadsheet (.numbers)"},
}

// IsSpreadsheet reports whether a file's name says it is a spreadsheet a
// folder walk lists: one tally reads (.xlsx, .xlsm, .ods, their templates)
// or one it names and refuses (legacy .xls, WPS .et, Excel's .xlsb …), so
// that no department's return in a folder is skipped in silence.
func IsSpreadsheet(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	_, foreign := foreignFormats[ext]
	return spreadsheetExt[ext] || templateExt[ext] || foreign
}

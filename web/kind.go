package web

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/jingwu/tally/store"
)

// Kinds of upload that are no workbook (notWorkbook).
const (
	workbookFile = iota // a workbook, or an attempt at one (read and checked)
	scanFile            // a stamped scan: kept as an attachment
	otherFile           // anything else: refused
)

// scanExt are the names of scans and photos of a stamped return.
var scanExt = map[string]bool{".pdf": true, ".ofd": true, ".jpg": true, ".jpeg": true, ".png": true,
	".tif": true, ".tiff": true, ".bmp": true, ".gif": true, ".webp": true, ".heic": true}

// bookExt are the names of workbooks and spreadsheet formats tally reads
// or names what to save as (an .et, an .xlsb): those are attempts at the
// return, read and reported as tally check reports them.
var bookExt = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".ods": true, ".xlsb": true,
	".et": true, ".ett": true, ".xlt": true, ".xltx": true, ".fods": true, ".numbers": true}

// notWorkbook says whether a staged upload is no workbook, by its content
// first (a PDF or a picture whatever its name; a zip or an OLE file is an
// attempt at a workbook unless its name says another kind), then by its
// name (2021-06-tjz.yaml is no return). A file named as a workbook that is
// empty or text (a CSV renamed .xlsx) is an attempt at the return,
// unreadable as tally check finds it. what names the kind in both
// languages for the refusal.
func (s *Server) notWorkbook(st *store.Staged, name string) (kind int, what [2]string) {
	head := make([]byte, 512)
	if path, err := s.cfg.Store.BlobPath(st.SHA256); err == nil {
		if f, err := os.Open(path); err == nil {
			n, _ := io.ReadFull(f, head)
			head = head[:n]
			f.Close()
		}
	}
	ext := strings.ToLower(filepath.Ext(name))
	ct := http.DetectContentType(head)
	switch {
	case len(head) == 0: // an empty file: an attempt at the return, unreadable
		return workbookFile, what
	case ct == "application/pdf" || strings.HasPrefix(ct, "image/"):
		return scanFile, what
	case strings.HasPrefix(string(head), "PK\x03\x04") || strings.HasPrefix(string(head), "\xD0\xCF\x11\xE0"):
		if bookExt[ext] || ext == "" {
			return workbookFile, what
		}
		return otherFile, [2]string{"是 " + ext + " 文件", "a " + ext + " file"}
	case scanExt[ext]:
		return scanFile, what
	case strings.HasPrefix(ct, "text/"):
		if ext == ".csv" {
			return otherFile, [2]string{"是 CSV 文本文件", "a CSV text file"}
		}
		if ext == "" || bookExt[ext] {
			// Named as a workbook (a CSV renamed .xlsx): an attempt at
			// the return, unreadable, as tally check reads it.
			return workbookFile, what
		}
		return otherFile, [2]string{"是文本文件（" + ext + "）", "a text file (" + ext + ")"}
	case ext != "" && !bookExt[ext]:
		return otherFile, [2]string{"是 " + ext + " 文件", "a " + ext + " file"}
	}
	return workbookFile, what
}

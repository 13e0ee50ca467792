package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDocumentXML bounds word/document.xml unpacked: a report is not 64 MB.
const maxDocumentXML = 64 << 20

// ReadDocx returns a .docx report's paragraphs, one per line, so a claim's
// line is its paragraph's number.
func ReadDocx(r io.ReaderAt, size int64) ([]string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a .docx (zip) file: %w", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		if f.UncompressedSize64 > maxDocumentXML {
			return nil, fmt.Errorf("word/document.xml unpacks to %d bytes, past the limit", f.UncompressedSize64)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return paragraphs(io.LimitReader(rc, maxDocumentXML))
	}
	return nil, errors.New("not a .docx file: no word/document.xml")
}

func paragraphs(r io.Reader) ([]string, error) {
	d := xml.NewDecoder(r)
	var out []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("word/document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				cur.WriteByte(' ')
			case "br":
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(bytes.Clone(t))
			}
		}
	}
}

package workbook

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// tally's own outputs that are copies or forms of a return — an annotated
// copy (check --annotate, the desk's) and a template nobody has filled —
// carry a mark a department never writes: a custom document property
// whose value is the SHA-256 of every other part of the package as tally
// wrote it (ownDigest). A folder walk that finds such a file with its mark
// still true leaves it out: it is no return (its return read twice, a
// blank form read as a month's figures). Any program that saves the file
// — Excel, WPS, LibreOffice, openpyxl, excelize: a department correcting
// the copy or filling the form — writes its parts anew, the digest no
// longer holds, and the file is a return like any other. A sheet's name
// (审核结果) says nothing: a department may type one.
const (
	// AnnotatedProperty marks an annotated copy.
	AnnotatedProperty = "tally.annotated"
	// UnfilledProperty marks a template as tally template wrote it.
	UnfilledProperty = "tally.unfilled"
	customPart       = "docProps/custom.xml"
	digestPrefix     = "sha256:"
)

// ownPlaceholder is the mark's value until the digest is known: as long
// as the digest, so nothing around it moves.
var ownPlaceholder = digestPrefix + strings.Repeat("0", 64)

// ownDigest is the SHA-256 over every part but the custom properties (which
// hold the mark), in name order: each part's name and its own SHA-256.
func ownDigest(names []string, open func(string) (io.ReadCloser, error)) (string, error) {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	all := sha256.New()
	for _, n := range sorted {
		if n == customPart || strings.HasSuffix(n, "/") {
			continue
		}
		rc, err := open(n)
		if err != nil {
			return "", err
		}
		h := sha256.New()
		_, err = io.Copy(h, rc)
		rc.Close()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(all, "%s\x00%x\n", n, h.Sum(nil))
	}
	return digestPrefix + hex.EncodeToString(all.Sum(nil)), nil
}

var pidAttr = regexp.MustCompile(`pid="(\d+)"`)

// MarkOwn returns the package b with the custom property name set to the
// digest of its other parts (ownDigest). b must have custom properties
// (a template's carry its fingerprint's); the property is added when
// absent, its value replaced when it is the placeholder.
func MarkOwn(b []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var custom *zip.File
	names := make([]string, 0, len(zr.File))
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == customPart {
			custom = f
		}
	}
	if custom == nil {
		return nil, fmt.Errorf("no %s to mark", customPart)
	}
	rc, err := custom.Open()
	if err != nil {
		return nil, err
	}
	props, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(props, []byte(`name="`+name+`"`)) {
		pid := 1
		for _, m := range pidAttr.FindAllSubmatch(props, -1) {
			if n, _ := strconv.Atoi(string(m[1])); n >= pid {
				pid = n + 1
			}
		}
		prop := fmt.Sprintf(`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property></Properties>`, pid, name, ownPlaceholder)
		if !bytes.Contains(props, []byte("</Properties>")) {
			return nil, fmt.Errorf("%s: no </Properties>", customPart)
		}
		props = bytes.Replace(props, []byte("</Properties>"), []byte(prop), 1)
	}
	digest, err := ownDigest(names, func(n string) (io.ReadCloser, error) { return zr.Open(n) })
	if err != nil {
		return nil, err
	}
	if bytes.Count(props, []byte(ownPlaceholder)) != 1 {
		return nil, fmt.Errorf("%s: the mark %s is not a placeholder", customPart, name)
	}
	props = bytes.Replace(props, []byte(ownPlaceholder), []byte(digest), 1)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != customPart {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		h := f.FileHeader
		h.CompressedSize64, h.UncompressedSize64, h.CRC32 = 0, 0, 0
		w, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(props); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// ownMarks returns which of tally's marks the package carries and still
// hold: the package is as tally wrote it (ownDigest). A part past the
// reading limits, or any error, holds no mark.
func (x *xlsx) ownMarks() (annotated, unfilled bool) {
	var props struct {
		Props []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"lpwstr"`
		} `xml:"property"`
	}
	if _, ok := x.parts[customPart]; !ok || x.decodePart(customPart, &props) != nil {
		return false, false
	}
	marks := map[string]string{}
	for _, p := range props.Props {
		if p.Name == AnnotatedProperty || p.Name == UnfilledProperty {
			marks[p.Name] = strings.TrimSpace(p.Value)
		}
	}
	if len(marks) == 0 {
		return false, false
	}
	names := make([]string, 0, len(x.parts))
	for n := range x.parts {
		names = append(names, n)
	}
	digest, err := ownDigest(names, x.open)
	if err != nil {
		return false, false
	}
	return marks[AnnotatedProperty] == digest, marks[UnfilledProperty] == digest
}

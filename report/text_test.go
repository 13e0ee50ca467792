package report

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func utf16(t *testing.T, s string, order unicode.Endianness, bom unicode.BOMPolicy) []byte {
	t.Helper()
	b, err := unicode.UTF16(order, bom).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// UTF-16 without a byte order mark is read when its byte order is clear,
// in either order, and is the same text as the UTF-8 original; when it is
// not clear, or the bytes are not text, it is refused, never guessed.
func TestDecodeUTF16WithoutBOM(t *testing.T) {
	report, err := os.ReadFile("../testdata/jingwu-2020-work-report.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.ReplaceAll(string(report), "\r\n", "\n"), "\n")
	short := "一、2020年工作回顾\n全年完成一般公共预算收入 13.89亿元，增长 3.2%。\n"
	ascii := "Revenue reached 13.89 billion yuan, up 3.2%.\n"
	for _, c := range []struct {
		name string
		text string
		data []byte
		enc  Encoding
	}{
		{"report, little-endian", string(report), utf16(t, string(report), unicode.LittleEndian, unicode.IgnoreBOM), UTF16LENoBOM},
		{"report, big-endian", string(report), utf16(t, string(report), unicode.BigEndian, unicode.IgnoreBOM), UTF16BENoBOM},
		{"two lines, little-endian", short, utf16(t, short, unicode.LittleEndian, unicode.IgnoreBOM), UTF16LENoBOM},
		{"two lines, big-endian", short, utf16(t, short, unicode.BigEndian, unicode.IgnoreBOM), UTF16BENoBOM},
		{"ASCII only, little-endian", ascii, utf16(t, ascii, unicode.LittleEndian, unicode.IgnoreBOM), UTF16LENoBOM},
		{"ASCII only, big-endian", ascii, utf16(t, ascii, unicode.BigEndian, unicode.IgnoreBOM), UTF16BENoBOM},
		{"with a BOM, as before", short, utf16(t, short, unicode.LittleEndian, unicode.UseBOM), UTF16LE},
	} {
		lines, enc, err := DecodeText(c.data)
		if err != nil || enc != c.enc {
			t.Errorf("%s: %v, %q; want %q", c.name, err, enc, c.enc)
			continue
		}
		w := want
		if c.text != string(report) {
			w = strings.Split(c.text, "\n")
		}
		if strings.Join(lines, "\n") != strings.Join(w, "\n") {
			t.Errorf("%s: read a different text", c.name)
		}
	}
	// Refused: two texts joined, one in each order (neither reads whole);
	// a text with broken surrogate pairs; a stray NUL in UTF-8 text; a NUL
	// character; an odd length; binary bytes.
	joined := append(utf16(t, short, unicode.LittleEndian, unicode.IgnoreBOM), utf16(t, short, unicode.BigEndian, unicode.IgnoreBOM)...)
	broken := append(utf16(t, short, unicode.LittleEndian, unicode.IgnoreBOM), 0x00, 0xD8, 0x00, 0xD8, 0x41, 0x00)
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i * 7919 % 251)
	}
	for _, c := range []struct {
		name string
		data []byte
		err  error
	}{
		{"one text in each order", joined, ErrUTF16NoBOM},
		{"broken surrogates", broken, ErrUTF16NoBOM},
		{"a stray NUL in UTF-8", []byte("全年完成一般公共预算收入 13.89亿元\x00，增长 3.2%。\n"), ErrBinary},
		{"a NUL character", utf16(t, "13.89亿元\x00\n", unicode.LittleEndian, unicode.IgnoreBOM), ErrBinary},
		{"odd length", append(utf16(t, short, unicode.LittleEndian, unicode.IgnoreBOM), 'x'), ErrBinary},
		{"binary", binary, ErrBinary},
	} {
		if _, enc, err := DecodeText(c.data); !errors.Is(err, c.err) {
			t.Errorf("%s: %v (%q); want %v", c.name, err, enc, c.err)
		}
	}
}

package report

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names how a text report's bytes were read.
type Encoding string

// The encodings DecodeText reads: what Windows Notepad and the PDF tools write.
const (
	UTF8    Encoding = "UTF-8"
	UTF8BOM Encoding = "UTF-8 BOM"
	UTF16LE Encoding = "UTF-16LE"
	UTF16BE Encoding = "UTF-16BE"
	// UTF-16 without a byte order mark, as some converters and scripts
	// write it: read only when its byte order is unambiguous.
	UTF16LENoBOM Encoding = "UTF-16LE, no BOM"
	UTF16BENoBOM Encoding = "UTF-16BE, no BOM"
	GB18030      Encoding = "GB18030"
)

// ErrEncoding is returned for a text that is neither UTF-8 (with or without
// a byte order mark), UTF-16 with a byte order mark, nor GBK/GB18030.
var ErrEncoding = errors.New("not UTF-8, UTF-16 or GBK/GB18030 text")

// ErrBinary is returned for bytes that are not text at all.
var ErrBinary = errors.New("not a text file")

// ErrUTF16NoBOM is returned for a text that looks like UTF-16 without a
// byte order mark (NUL bytes in one pattern) but whose byte order, or
// whose being text, is not clear enough to read figures from it.
var ErrUTF16NoBOM = errors.New("UTF-16 without a byte order mark, byte order not clear")

// DecodeText returns a text report's lines and the encoding it was read in.
// UTF-8 is taken as it is; a byte order mark selects UTF-8 or UTF-16; UTF-16
// without one is read when its byte order is unambiguous (noBOM16), else
// refused with ErrUTF16NoBOM; a text that is not valid UTF-8 but reads as
// Chinese GBK/GB18030 (what Notepad saves as "ANSI" on a Chinese Windows) is
// read as such. Anything else is ErrEncoding or ErrBinary: guessing would
// put mojibake where figures should be.
func DecodeText(data []byte) ([]string, Encoding, error) {
	var text string
	var enc Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, enc = data[3:], UTF8BOM
		if !utf8.Valid(data) {
			return nil, "", ErrEncoding
		}
		text = string(data)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		endian, e := unicode.LittleEndian, UTF16LE
		if data[0] == 0xFE {
			endian, e = unicode.BigEndian, UTF16BE
		}
		if len(data)%2 != 0 {
			return nil, "", ErrEncoding
		}
		s, err := decode(unicode.UTF16(endian, unicode.ExpectBOM), data)
		if err != nil || strings.ContainsRune(s, utf8.RuneError) {
			return nil, "", ErrEncoding
		}
		text, enc = s, e
	case bytes.IndexByte(data, 0) >= 0:
		// No UTF-8 or GBK text holds a NUL; UTF-16 holds one in every
		// ASCII character.
		s, e, err := noBOM16(data)
		if err != nil {
			return nil, "", err
		}
		text, enc = s, e
	case utf8.Valid(data):
		text, enc = string(data), UTF8
	default:
		s, err := decode(simplifiedchinese.GB18030, data)
		if err != nil || strings.ContainsRune(s, utf8.RuneError) || !mostlyGB2312(data) {
			return nil, "", ErrEncoding
		}
		text, enc = s, GB18030
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, "", ErrBinary
	}
	return strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), enc, nil
}

// noBOM16 reads data, which holds NUL bytes, as UTF-16 without a byte order
// mark when that is unambiguous. An ASCII character (a digit, a space, a
// line break: every report has them, one in fifty characters at the very
// least, or it is no such text) is a NUL and its code in UTF-16, the NUL
// second in little-endian, first in big-endian. Read in its own order the
// text is a report's (textShare: 95% or more ASCII, Chinese and the marks
// Chinese text uses, no broken surrogate pair, no NUL character), and the
// NUL bytes are mostly on its ASCII side; read in the other, its ASCII
// turns into characters whose low byte is 0 (A is U+4100), which text
// almost never has. The order that alone reads as text is taken. Bytes that
// read as neither order's text at all (under half) are ErrBinary; anything
// between — both orders, or a text too garbled to be sure — is
// ErrUTF16NoBOM.
func noBOM16(data []byte) (string, Encoding, error) {
	if len(data)%2 != 0 {
		return "", "", ErrBinary
	}
	var even, odd int
	for i := 0; i < len(data); i += 2 {
		switch {
		case data[i] == 0 && data[i+1] == 0:
			return "", "", ErrBinary // a NUL character: not a text
		case data[i] == 0:
			even++
		case data[i+1] == 0:
			odd++
		}
	}
	if units := len(data) / 2; max(even, odd)*50 < units {
		// Too few ASCII characters for a report's text (each line ends
		// in one): a stray NUL in other bytes.
		return "", "", ErrBinary
	}
	le, leOK := plausible16(data, unicode.LittleEndian)
	be, beOK := plausible16(data, unicode.BigEndian)
	switch {
	case leOK && !beOK && odd > even:
		return le, UTF16LENoBOM, nil
	case beOK && !leOK && even > odd:
		return be, UTF16BENoBOM, nil
	case textShare(le) < 0.5 && textShare(be) < 0.5:
		return "", "", ErrBinary
	}
	return "", "", ErrUTF16NoBOM
}

// plausible16 decodes data as UTF-16 in the given order and reports
// whether it reads as a Chinese report's text.
func plausible16(data []byte, order unicode.Endianness) (string, bool) {
	s, err := decode(unicode.UTF16(order, unicode.IgnoreBOM), data)
	if err != nil {
		return "", false
	}
	return s, !strings.ContainsRune(s, utf8.RuneError) && textShare(s) >= 0.95
}

// textShare is the share of s's characters a Chinese report is written in:
// ASCII, Latin-1, Chinese, and the punctuation, symbols and full-width
// forms Chinese text uses.
func textShare(s string) float64 {
	var in, all int
	for _, r := range s {
		all++
		switch {
		case r > 0xFF && r&0xFF == 0 && r != 0x3000 && r != 0x4E00:
			// U+xx00 beyond Latin-1: ASCII in the other byte order
			// (一 and the full-width space excepted: Chinese uses them).
		case r == '\t', r == '\n', r == '\r', r >= 0x20 && r < 0x7F, r >= 0xA0 && r <= 0xFF, // ASCII, Latin-1
			r >= 0x2000 && r <= 0x206F,                             // general punctuation: “” …—
			r >= 0x2100 && r <= 0x218F,                             // letterlike (℃), Roman numerals
			r >= 0x2460 && r <= 0x24FF,                             // circled numbers
			r >= 0x25A0 && r <= 0x25FF,                             // shapes: ■ ●
			r >= 0x3000 && r <= 0x303F,                             // CJK punctuation
			r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, // Chinese
			r >= 0xFF00 && r <= 0xFFEF: // full-width forms
			in++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(in) / float64(all)
}

func decode(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	return string(out), err
}

// mostlyGB2312 reports whether most two-byte characters of a GBK text lie in
// GB2312's rows (lead and trail bytes 0xA1–0xFE), as a Chinese report's do;
// Latin-1 or other legacy text that happens to decode as GB18030 rarely does.
func mostlyGB2312(data []byte) bool {
	var in, all int
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c < 0x80 {
			continue
		}
		if i+1 >= len(data) {
			return false
		}
		c1 := data[i+1]
		if c1 >= 0x30 && c1 <= 0x39 { // a four-byte GB18030 sequence
			all++
			i += 3
			continue
		}
		all++
		if c >= 0xA1 && c <= 0xF7 && c1 >= 0xA1 && c1 <= 0xFE {
			in++
		}
		i++
	}
	return all > 0 && in*10 >= all*9
}

package reconcile

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// creditAlphabet is the character set of the unified social credit code
// (GB 32100-2015): digits and capitals without I, O, S, V, Z.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditValue is each byte's index in creditAlphabet, -1 for none.
var creditValue = func() (v [256]int8) {
	for i := range v {
		v[i] = int8(strings.IndexByte(creditAlphabet, byte(i)))
	}
	return v
}()

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCheckChar returns the check character for the first 17 characters
// of a unified social credit code, or false if a character is outside the set.
func CreditCheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := creditValue[first17[i]]
		if v < 0 {
			return 0, false
		}
		sum += int(v) * creditWeights[i]
	}
	return creditAlphabet[(31-sum%31)%31], true
}

// CheckCreditCode validates an 18-character unified social credit code and
// says what is wrong in both languages; ok is true for a valid code.
func CheckCreditCode(code string) (problem Text, ok bool) {
	switch {
	case code == "":
		return Text{"未填", "is not filled in"}, false
	case len(code) != 18:
		// Characters, not bytes: a code with a Chinese character in it
		// was said to be 54 long.
		n := utf8.RuneCountInString(code)
		if n == 18 {
			return Text{"含有国标 GB 32100 字符集以外的字符", "has a character outside the GB 32100 set"}, false
		}
		return Text{fmt.Sprintf("长度为 %d，应为 18 位", n), fmt.Sprintf("has %d characters, not 18", n)}, false
	}
	want, valid := CreditCheckChar(code[:17])
	if !valid {
		return Text{"含有国标 GB 32100 字符集以外的字符", "has a character outside the GB 32100 set"}, false
	}
	if code[17] != want {
		return Text{fmt.Sprintf("校验位错误（应为 %c）", want), fmt.Sprintf("has a wrong check character (expected %c)", want)}, false
	}
	return Text{}, true
}

// NewCreditCode builds a valid unified social credit code for an enterprise
// (登记管理部门 9, 类别 1) registered in a division (6 digits, 120111 for
// Xiqing), from an 8-digit organisation number: it adds the GB 11714 check
// digit of the organisation code and the GB 32100 check character. Used to
// make sample and benchmark data.
func NewCreditCode(division, org8 string) string {
	weights := []int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range org8[:8] {
		sum += int(c-'0') * weights[i]
	}
	var check byte
	switch c9 := 11 - sum%11; c9 {
	case 10:
		check = 'X'
	case 11:
		check = '0'
	default:
		check = byte('0' + c9)
	}
	first := "91" + division + org8[:8] + string(check)
	last, _ := CreditCheckChar(first)
	return first + string(last)
}

// quotedCode is a credit code as its finding quotes it after the words
// 统一社会信用代码: “9112…” in Chinese, "9112…" with a space before it in
// English; nothing for an empty code, which is said as 未填 (not filled
// in), not as the quoted nothing “”.
func quotedCode(code string) Text {
	if code == "" {
		return Text{}
	}
	return Text{"“" + code + "”", ` "` + code + `"`}
}

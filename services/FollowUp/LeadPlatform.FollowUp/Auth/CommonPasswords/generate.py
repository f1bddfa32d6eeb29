#!/usr/bin/env python3
"""Writes common-passwords.txt: passwords of 12+ characters that attackers try first.

Built from words and patterns that top the published breach lists (RockYou, the NCSC's 100k list, SecLists'
10k-most-common): common base words with the usual suffixes and capitalisation, keyboard walks, digit runs,
repeated characters and repeated short words, dates and seasons. Only entries of 12 or more characters are kept
(shorter ones are refused by length already); all lower-case, one a line. Re-run after editing the lists:
    python3 generate.py > common-passwords.txt
"""
import itertools

words = """password passw0rd p@ssword p@ssw0rd qwerty letmein welcome admin administrator iloveyou
dragon monkey football baseball basketball soccer hockey sunshine princess master shadow superman batman
trustno1 michael jennifer jordan hunter ranger buster thomas robert daniel charlie andrew michelle jessica
ashley matthew joshua amanda nicole summer winter spring autumn freedom whatever starwars pokemon computer
internet security secret changeme default login access mustang harley killer pepper ginger cookie chocolate
butterfly flower lovely loveme babygirl angel angels family forever blessed jesus heaven hello helloworld
friends maggie tigger liverpool chelsea arsenal yankees cowboys eagles steelers lakers london paris berlin
newyork america canada england germany france mexico spain brazil india dashboard clinic doctor nurse patient
coordinator leadplatform health medical hospital spine backpain company office manager service support
student teacher school college money qazwsx zxcvbnm asdfghjkl qwertyuiop abcdef abcdefg abcdefgh
samsung iphone apple google microsoft windows linux ubuntu oracle cisco welcome1 password1 qwerty1
""".split()

suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "!", "1!",
            "123!", "1234!", "12345!", "!!", "!@#", "@123", "#1", "01", "007", "69", "99", "00", "11", "2020",
            "2021", "2022", "2023", "2024", "2025", "2026", "2027", "!2024", "!2025", "!2026", "@2024", "@2025",
            "@2026", "2024!", "2025!", "2026!", "0000", "1111", "4321", "54321", "654321", "987654321"]
prefixes = ["", "my", "ilove"]

walks = """qwertyuiop qwertyuiop[] qwertyuiopasdf qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm asdfghjkl;
asdfghjklqwertyuiop zxcvbnm,./ 1qaz2wsx3edc 1qaz2wsx3edc4rfv 1qaz2wsx3edc4rfv5tgb qazwsxedcrfv qazwsxedcrfvtgb
zaq12wsxcde3 zaq1xsw2cde3 zaq1zaq1zaq1 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p
q1w2e3r4t5y6 q1w2e3r4t5y6u7 qweasdzxc123 qweasdzxcqwe !qaz@wsx#edc !qaz2wsx#edc4rfv 1234qwerasdf
1234qwerasdfzxcv qwer1234asdf qwerasdfzxcv qwertyasdfgh qwertyasdfghzxcvbn poiuytrewq lkjhgfdsa mnbvcxz
0987654321 poiuytrewqlkjhgfdsa azertyuiop azertyuiopqsdf qwertzuiop qwertzuiopasdf 123qweasdzxc
123qwe123qwe qwe123qwe123 asd123asd123 zxc123zxc123 abc123abc123 qwerty123456 qwertyqwerty asdfasdfasdf
qwerqwerqwer zxcvzxcvzxcv 147258369123 159753159753 147852369147 741852963741 963852741963 789456123789
1234567890qwerty 1234567890-= 1234567890123 12345678901234 abcdefghijkl abcdefghijklm abcdefghijklmn
abcdefghijklmnop abcdefghijklmnopqrstuvwxyz abcd1234abcd aa11bb22cc33 a1b2c3d4e5f6 a1b2c3d4e5f6g7""".split()

out = set()
def add(p):
    if len(p) >= 12:
        out.add(p.lower())

for w, s, pre in itertools.product(words, suffixes, prefixes):
    add(pre + w + s)
for w in words:
    for n in range(2, 5):
        add(w * n)
    add(w + w[::-1])
for a, b in itertools.combinations(words[:24], 2):
    add(a + b)
    add(b + a)
for wk in walks:
    add(wk)
    add(wk + "!")
    add(wk + "1")
# digit runs and repeats: 111111111111, 123123123123, 121212121212 ...
for d in "0123456789abcdefghijklmnopqrstuvwxyz!@#$%^&*.":
    for n in range(12, 21):
        add(d * n)
for unit in ["12", "123", "1234", "12345", "123456", "21", "321", "abc", "ab", "xyz", "qwe", "asd", "zxc", "pass", "love", "abcd", "hi", "ha", "lol", "xo"]:
    for n in range(2, 11):
        add(unit * n)
for n in range(12, 21):
    add("".join(str(i % 10) for i in range(1, n + 1)))
    add("".join(str(i % 10) for i in range(0, n)))
    add("".join(str(9 - i % 10) for i in range(0, n)))
# dates written out (a birthday as a password): ddmmyyyy+word is covered above; full month-name dates here
months = "january february march april may june july august september october november december".split()
for m in months:
    for y in range(1970, 2031, 1):
        add(m + str(y))
        add(str(y) + m)
for season in ["spring", "summer", "autumn", "winter", "fall"]:
    for y in range(2000, 2031):
        add(season + str(y) + "!")
        add(season + "@" + str(y))

print("\n".join(sorted(out)))

#!/usr/bin/env bash
# The session behind samples/colors.cast: the 16 ANSI colours, the 256-colour cube, a truecolor gradient and text
# attributes, printed line by line by bash. Record with tools/record-sample.sh.
set -u
printf '\033[1mANSI 16\033[0m\n'
for i in $(seq 0 15); do printf '\033[48;5;%dm %2d \033[0m' "$i" "$i"; [ "$i" = 7 ] && printf '\n'; done; printf '\n'
sleep 0.4
printf '\033[1m256-colour cube\033[0m\n'
for row in $(seq 0 11); do
    for col in $(seq 0 17); do printf '\033[48;5;%dm    ' $((16 + row * 18 + col)); done
    printf '\033[0m\n'; sleep 0.08
done
sleep 0.3
printf '\033[1mtruecolor\033[0m\n'
for col in $(seq 0 79); do printf '\033[48;2;%d;%d;%dm ' $((col * 255 / 79)) $((255 - col * 255 / 79)) 128; done; printf '\033[0m\n'
sleep 0.3
printf '\033[1mbold\033[0m \033[2mdim\033[0m \033[3mitalic\033[0m \033[4munderline\033[0m \033[4:3mcurly\033[0m \033[5mblink\033[0m \033[7mreverse\033[0m \033[9mstrike\033[0m \033[53moverline\033[0m\n'
printf 'wide: 漢字かなカナ한글 ✓ emoji: 🎉🚀 combining: e\xcc\x81 a\xcc\x8a\n'
sleep 1

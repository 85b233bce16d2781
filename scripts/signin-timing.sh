#!/bin/bash
# Times failed sign-ins (POST /account/login) for an e-mail with and without an account, alternating.
# Usage: scripts/signin-timing.sh [portal address]   (the demo portal: 16 failures, under the per-address limit of 20)
base=${1:-http://127.0.0.1:5099}
attempt() {
  jar=$(mktemp)
  token=$(curl -s -c "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -o /dev/null -w "%{time_total}" --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=not the right passphrase" "$base/account/login"
  rm -f "$jar"
}
for round in 1 2 3 4; do
  for email in evaluator@sci.demo nobody.one@sci.demo admin@sci.demo nobody.two@sci.demo; do
    echo "$email $(attempt $email)"
  done
done

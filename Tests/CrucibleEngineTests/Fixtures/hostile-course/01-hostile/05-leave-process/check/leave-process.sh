setsid sleep 3171 </dev/null >/dev/null 2>&1 &
kill -0 "$!" && echo "the sleeper is running"
exit 0

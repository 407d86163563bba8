setsid sleep 3171 </dev/null >/dev/null 2>&1 &
exit 0

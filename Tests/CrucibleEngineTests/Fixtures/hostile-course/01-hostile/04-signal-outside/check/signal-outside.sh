pid=$(cat "$1") || exit 1
kill -TERM "$pid"

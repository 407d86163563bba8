// Tool output captured on the development machine (Linux x86_64, Swift 6.3.1 toolchain clang 21,
// gcc, rustc, Go 1.19), for fast parser tests. RealToolFindingsTests produces it afresh.

/// Captured stderr of real sanitizers and compilers.
enum CapturedToolOutput {
    /// clang -fsanitize=thread, two pthreads incrementing a global.
    static let clangThreadSanitizer = #"""
        ==================
        WARNING: ThreadSanitizer: data race (pid=12493)
          Write of size 4 at 0x563643e1bd30 by thread T2:
            #0 work /tmp/fx/race.c:4:65 (race+0x13ef64)

          Previous write of size 4 at 0x563643e1bd30 by thread T1:
            #0 work /tmp/fx/race.c:4:65 (race+0x13ef64)

          Location is global 'counter' of size 4 at 0x563643e1bd30 (race+0x14b4d30)

          Thread T2 (tid=12496, running) created by main thread at:
            #0 pthread_create /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (race+0xb3c0a)
            #1 main /tmp/fx/race.c:8:5 (race+0x13efd5)

          Thread T1 (tid=12495, finished) created by main thread at:
            #0 pthread_create /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (race+0xb3c0a)
            #1 main /tmp/fx/race.c:7:5 (race+0x13efbe)

        SUMMARY: ThreadSanitizer: data race /tmp/fx/race.c:4:65 in work
        ==================
        ThreadSanitizer: reported 1 warnings
        """#

    /// swiftc -sanitize=thread, two Threads incrementing a class property.
    static let swiftThreadSanitizer = #"""
        ==================
        WARNING: ThreadSanitizer: Swift access race (pid=12567)
          Modifying access of Swift variable at 0x720800000050 by thread T2:
            #0 $s10race_swift10Foundation6ThreadCSiXEfU_yyYbcfU_ /tmp/fx/race.swift (race_swift+0xfd1bb) (BuildId: 8335a548d80bad6e95df61f5db9deb272de3fcb6)
            #1 $s10Foundation6ThreadC4mainyyF <null> (libFoundation.so+0x3795f8) (BuildId: bbe2057ad9a7c4b7122ec47d2500ff98e0395cef)

          Previous write of size 1 at 0x720800000050 by thread T1:
            #0 $s10race_swift10Foundation6ThreadCSiXEfU_yyYbcfU_ /tmp/fx/race.swift:5:78 (race_swift+0xfd1ef) (BuildId: 8335a548d80bad6e95df61f5db9deb272de3fcb6)
            #1 $s10Foundation6ThreadC4mainyyF <null> (libFoundation.so+0x3795f8) (BuildId: bbe2057ad9a7c4b7122ec47d2500ff98e0395cef)

          Location is heap block of size 24 at 0x720800000040 allocated by main thread:
            #0 malloc /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:686:5 (race_swift+0x7a670) (BuildId: 8335a548d80bad6e95df61f5db9deb272de3fcb6)
            #1 swift_slowAlloc <null> (libswiftCore.so+0x46fa6e) (BuildId: b521f25fdeacf504eca83d97c7308e8fc11be729)
            #2 main /tmp/fx/race.swift:4:15 (race_swift+0xfe114) (BuildId: 8335a548d80bad6e95df61f5db9deb272de3fcb6)

          Thread T2 'race_swift' (tid=12570, running) created by main thread at:
            #0 pthread_create /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (race_swift+0x7c25a) (BuildId: 8335a548d80bad6e95df61f5db9deb272de3fcb6)
            #1 _CFThreadCreate <null> (libFoundation.so+0x3d79ca) (BuildId: bbe2057ad9a7c4b7122ec47d2500ff98e0395cef)
            #2 $sSTsE7forEachyyy7ElementQzKXEKF <null> (libswiftCore.so+0x34e0ef) (BuildId: b521f25fdeacf504eca83d97c7308e8fc11be729)
            #3 __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16 (libc.so.6+0x27249) (BuildId: 93ac61ec5a8eb1396f9fbd350e3169a558528a40)

          Thread T1 'race_swift' (tid=12569, finished) created by main thread at:
            #0 pthread_create /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (race_swift+0x7c25a) (BuildId: 8335a548d80bad6e95df61f5db9deb272de3fcb6)
            #1 _CFThreadCreate <null> (libFoundation.so+0x3d79ca) (BuildId: bbe2057ad9a7c4b7122ec47d2500ff98e0395cef)
            #2 $sSTsE7forEachyyy7ElementQzKXEKF <null> (libswiftCore.so+0x34e0ef) (BuildId: b521f25fdeacf504eca83d97c7308e8fc11be729)
            #3 __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16 (libc.so.6+0x27249) (BuildId: 93ac61ec5a8eb1396f9fbd350e3169a558528a40)

        SUMMARY: ThreadSanitizer: Swift access race /tmp/fx/race.swift in $s10race_swift10Foundation6ThreadCSiXEfU_yyYbcfU_
        ==================
        ThreadSanitizer: reported 1 warnings
        """#

    /// swiftc -sanitize=thread on two Threads incrementing a class property: the first report
    /// names the racing file without a line; the second, on the same address, has the line.
    static let swiftAccessRaceWithoutALine = #"""
        ==================
        WARNING: ThreadSanitizer: Swift access race (pid=20573)
          Modifying access of Swift variable at 0x720800000030 by thread T1:
            #0 $s3app15countInParallelSiyFyyYbcfU_ /tmp/fx/counter.swift (app+0xfcc38)
            #1 $s3app15countInParallelSiyFyyYbcfU_TA /<compiler-generated> (app+0xfcd1d)
            #2 $s10Foundation6ThreadC4mainyyF <null> (libFoundation.so+0x3795f8)

          Previous modifying access of Swift variable at 0x720800000030 by thread T2:
            #0 $s3app15countInParallelSiyFyyYbcfU_ /tmp/fx/counter.swift (app+0xfcc38)
            #1 $s3app15countInParallelSiyFyyYbcfU_TA /<compiler-generated> (app+0xfcd1d)
            #2 $s10Foundation6ThreadC4mainyyF <null> (libFoundation.so+0x3795f8)

          Location is heap block of size 24 at 0x720800000020 allocated by main thread:
            #0 malloc /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:686:5 (app+0x7a120)
            #1 swift_slowAlloc <null> (libswiftCore.so+0x46fa6e)
            #2 $s3app15countInParallelSiyF /tmp/fx/counter.swift:6:15 (app+0xfce9f)
            #3 main /tmp/fx/main.swift:1:18 (app+0xfd49d)

          Thread T1 'app' (tid=20575, running) created by main thread at:
            #0 pthread_create /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (app+0x7bd0a)
            #1 _CFThreadCreate <null> (libFoundation.so+0x3d79ca)
            #2 main /tmp/fx/main.swift:1:18 (app+0xfd49d)

          Thread T2 'app' (tid=20576, running) created by main thread at:
            #0 pthread_create /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (app+0x7bd0a)
            #1 _CFThreadCreate <null> (libFoundation.so+0x3d79ca)
            #2 main /tmp/fx/main.swift:1:18 (app+0xfd49d)

        SUMMARY: ThreadSanitizer: Swift access race /tmp/fx/counter.swift in $s3app15countInParallelSiyFyyYbcfU_
        ==================
        ==================
        WARNING: ThreadSanitizer: Swift access race (pid=20573)
          Write of size 8 at 0x720800000030 by thread T1:
            #0 $s3app15countInParallelSiyFyyYbcfU_ /tmp/fx/counter.swift:11:45 (app+0xfcc6c)
            #1 $s3app15countInParallelSiyFyyYbcfU_TA /<compiler-generated> (app+0xfcd1d)
            #2 $s10Foundation6ThreadC4mainyyF <null> (libFoundation.so+0x3795f8)

          Previous modifying access of Swift variable at 0x720800000030 by thread T2:
            #0 $s3app15countInParallelSiyFyyYbcfU_ /tmp/fx/counter.swift (app+0xfcc38)
            #1 $s3app15countInParallelSiyFyyYbcfU_TA /<compiler-generated> (app+0xfcd1d)
            #2 $s10Foundation6ThreadC4mainyyF <null> (libFoundation.so+0x3795f8)

          Location is heap block of size 24 at 0x720800000020 allocated by main thread:
            #0 malloc /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:686:5 (app+0x7a120)
            #1 swift_slowAlloc <null> (libswiftCore.so+0x46fa6e)
            #2 $s3app15countInParallelSiyF /tmp/fx/counter.swift:6:15 (app+0xfce9f)
            #3 main /tmp/fx/main.swift:1:18 (app+0xfd49d)

          Thread T1 'app' (tid=20575, running) created by main thread at:
            #0 pthread_create /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (app+0x7bd0a)
            #1 _CFThreadCreate <null> (libFoundation.so+0x3d79ca)
            #2 main /tmp/fx/main.swift:1:18 (app+0xfd49d)

          Thread T2 'app' (tid=20576, running) created by main thread at:
            #0 pthread_create /home/build-user/llvm-project/compiler-rt/lib/tsan/rtl/tsan_interceptors_posix.cpp:1094:3 (app+0x7bd0a)
            #1 _CFThreadCreate <null> (libFoundation.so+0x3d79ca)
            #2 main /tmp/fx/main.swift:1:18 (app+0xfd49d)

        SUMMARY: ThreadSanitizer: Swift access race /tmp/fx/counter.swift:11:45 in $s3app15countInParallelSiyFyyYbcfU_
        ==================
        total = 18141
        ThreadSanitizer: reported 2 warnings
        """#

    /// clang -fsanitize=address, reading freed memory (shadow-byte dump left off).
    static let addressUseAfterFree = #"""
        =================================================================
        ==12378==ERROR: AddressSanitizer: heap-use-after-free on address 0x7bb2737e0014 at pc 0x55cc8ecaee1f bp 0x7ffeb29755d0 sp 0x7ffeb29755c8
        READ of size 4 at 0x7bb2737e0014 thread T0
            #0 0x55cc8ecaee1e in main /tmp/fx/uaf.c:6:20
            #1 0x7f92744d5249 in __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16
            #2 0x7f92744d5304 in __libc_start_main csu/../csu/libc-start.c:360:3
            #3 0x55cc8ebbc670 in _start (/tmp/fx/uaf+0x7f670)

        0x7bb2737e0014 is located 4 bytes inside of 16-byte region [0x7bb2737e0010,0x7bb2737e0020)
        freed by thread T0 here:
            #0 0x55cc8ec68796 in free /home/build-user/llvm-project/compiler-rt/lib/asan/asan_malloc_linux.cpp:51:3
            #1 0x55cc8ecaede5 in main /tmp/fx/uaf.c:5:5
            #2 0x7f92744d5249 in __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16

        previously allocated by thread T0 here:
            #0 0x55cc8ec68a34 in malloc /home/build-user/llvm-project/compiler-rt/lib/asan/asan_malloc_linux.cpp:67:3
            #1 0x55cc8ecaedd8 in main /tmp/fx/uaf.c:4:20
            #2 0x7f92744d5249 in __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16

        SUMMARY: AddressSanitizer: heap-use-after-free /tmp/fx/uaf.c:6:20 in main
        """#

    /// clang -fsanitize=address,leak, a malloc never freed.
    static let leakSanitizer = #"""

        =================================================================
        ==12388==ERROR: LeakSanitizer: detected memory leaks

        Direct leak of 64 byte(s) in 1 object(s) allocated from:
            #0 0x55a8c0b49a34 in malloc /home/build-user/llvm-project/compiler-rt/lib/asan/asan_malloc_linux.cpp:67:3
            #1 0x55a8c0b8fdd8 in main /tmp/fx/leak.c:4:20
            #2 0x7f6eacaa9249 in __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16

        SUMMARY: AddressSanitizer: 64 byte(s) leaked in 1 allocation(s).
        """#

    /// go build -race (Go 1.19), two goroutines incrementing a captured variable.
    static let goRace = #"""
        ==================
        WARNING: DATA RACE
        Read at 0x00c0000ac008 by goroutine 7:
          main.main.func1()
              /tmp/fx/gorace/main.go:15 +0x74

        Previous write at 0x00c0000ac008 by goroutine 8:
          main.main.func1()
              /tmp/fx/gorace/main.go:15 +0x86

        Goroutine 7 (running) created at:
          main.main()
              /tmp/fx/gorace/main.go:13 +0x84

        Goroutine 8 (finished) created at:
          main.main()
              /tmp/fx/gorace/main.go:13 +0x84
        ==================
        Found 1 data race(s)
        """#

    /// swiftc, a String assigned to an Int.
    static let swiftcError = #"""
        bad.swift:1:14: error: cannot convert value of type 'String' to specified type 'Int'
        1 | let x: Int = "hello"
          |              `- error: cannot convert value of type 'String' to specified type 'Int'
        2 | print(x)
        3 | 
        """#

    /// clang, a missing semicolon.
    static let clangError = #"""
        bad.c:3:14: error: expected ';' at end of declaration
            3 |     int x = 1
              |              ^
              |              ;
        1 error generated.
        """#

    /// gcc, the same missing semicolon.
    static let gccError = #"""
        bad.c: In function ‘main’:
        bad.c:4:5: error: expected ‘,’ or ‘;’ before ‘printf’
            4 |     printf("%d", x);
              |     ^~~~~~
        """#

    /// rustc, a use after move.
    static let rustcError = #"""
        error[E0382]: borrow of moved value: `s`
         --> src/main.rs:4:20
          |
        2 |     let s = String::from("hi");
          |         - move occurs because `s` has type `String`, which does not implement the `Copy` trait
        3 |     let t = s;
          |             - value moved here
        4 |     println!("{}", s);
          |                    ^ value borrowed here after move
          |
        help: consider cloning the value if the performance cost is acceptable
          |
        3 |     let t = s.clone();
          |              ++++++++

        error: aborting due to 1 previous error

        For more information about this error, try `rustc --explain E0382`.
        """#

    /// go build, an unused variable.
    static let goError = #"""
        # command-line-arguments
        ./main.go:4:2: x declared but not used
        """#
}

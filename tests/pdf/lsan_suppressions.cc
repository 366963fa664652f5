// Leak checking for the pdf_tests binary under UITDAAG_SANITIZE=ON.
//
// GLib 2.74's slice allocator keeps GObjects (layouts, contexts, font maps) in magazines that
// stay reachable, which would hide a leaked Pango object from LeakSanitizer; the sanitizer build
// therefore runs this suite with G_SLICE=always-malloc (tests/CMakeLists.txt). GLib reads that
// variable before main, so it cannot be set from here.
//
// Fontconfig keeps about 300 bytes of its configuration, parsed once per process when Pango
// first loads it (FcInitLoadConfigAndFonts on Pango's font-map initialisation thread), without
// a reference that LeakSanitizer can see at exit. It is not per render: a run with hundreds of
// renders reports the same two allocations as a run with one. With the default fast unwinder
// the reported stack ends inside libfontconfig, so the suppression names the library: memory
// allocated by fontconfig itself.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

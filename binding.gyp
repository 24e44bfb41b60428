{
  "targets": [
    {
      "target_name": "aionode",
      "sources": ["native/src/addon.cc", "native/src/driver.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "native/src"],
      # NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS: a worker thread being terminated can call into the
      # addon (the loop arming its driver) after its environment began to shut down; an error that
      # cannot be thrown there is dropped instead of aborting the whole process.
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED", "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS"],
      "cflags!": ["-fexceptions"],
      "cflags_cc!": ["-fexceptions", "-std=gnu++17"],
      "cflags_cc": ["-std=c++17", "-fno-exceptions", "-Wall", "-Wextra", "-Wno-unused-parameter", "-O3"],
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "NO",
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "WARNING_CFLAGS": ["-Wall", "-Wextra", "-Wno-unused-parameter"]
      },
      "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 0, "WarningLevel": 3 } }
    }
  ]
}

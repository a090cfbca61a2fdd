#ifndef CLIBDEFLATE_SHIM_H
#define CLIBDEFLATE_SHIM_H

// libdeflate's whole-buffer API is callable from Swift as is; this header only brings it in.
#include <libdeflate.h>

#endif

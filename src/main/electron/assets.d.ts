// Types for electron-vite's `?asset` imports: the build copies the file into out/main (only out/** is packaged) and
// the import is its path at run time. Files under resources/ are not copied (it is electron-vite's publicDir).
/// <reference types="electron-vite/node" />

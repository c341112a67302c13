// Types for electron-vite's `?asset` imports: the build copies the file into out/ (the only folder that is packaged)
// and the import is its path at run time.
/// <reference types="electron-vite/node" />

# Sourced by the scripts that configure build trees inside the Debian 13 environment: compile through
# ccache when it is there, so a second clean clone on the same machine (CI, a newcomer trying twice)
# reuses the objects of the first. The cache lives in $HOME/.cache/ccache of the environment: inside
# the cached Debian 13 root it outlives the clone like the root itself. Only new build trees pick the
# launcher up; a tree already configured keeps what it has.
# shellcheck shell=bash
if command -v ccache >/dev/null 2>&1; then
  export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}"
  # Paths below the checkout are hashed relative to it, so clones in other folders share entries.
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
  # The precompiled headers of the tests are cacheable only with these (see ccache's manual, "Precompiled headers").
  export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros}"
  export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
  # Depend mode takes the headers from the compiler's own -MD output instead of running the
  # preprocessor a second time, so a cold cache costs next to nothing over a plain build.
  export CCACHE_DEPEND="${CCACHE_DEPEND:-1}"
fi

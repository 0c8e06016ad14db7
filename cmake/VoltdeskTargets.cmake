# Warnings and the test helper shared by every target of ours.

function(voltdesk_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Woverloaded-virtual)
  if(VOLTDESK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# voltdesk_library(name [STATIC] SOURCES ... DEPS ... [PUBLIC_DEPS ...])
# One library per folder: its include root is the repository root, so includes read as paths
# ("backend-agent/domain/fleet.h" is written "domain/fleet.h" inside backend-agent only).
function(voltdesk_library name)
  cmake_parse_arguments(ARG "" "INCLUDE_ROOT" "SOURCES;DEPS;PUBLIC_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  if(NOT ARG_INCLUDE_ROOT)
    set(ARG_INCLUDE_ROOT "${CMAKE_CURRENT_SOURCE_DIR}/..")
  endif()
  target_include_directories(${name} PUBLIC ${ARG_INCLUDE_ROOT})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_DEPS})
  voltdesk_warnings(${name})
endfunction()

# voltdesk_test(name LABEL Unit|Integration|GUI SOURCES ... DEPS ... [TIMEOUT s] [LOCKS ...] [FIXTURES ...] [ENV ...])
# LOCKS names the shared servers a test uses (postgres, mosquitto) so ctest never runs two tests that
# would disturb each other's data at once. Integration tests get the "services" fixture.
function(voltdesk_test name)
  cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "SOURCES;DEPS;LOCKS;FIXTURES;ENV" ${ARGN})
  find_package(Qt6 REQUIRED COMPONENTS Test)
  add_executable(${name} ${ARG_SOURCES})
  # Qt Test cases are QObjects: every test runs moc on its own sources.
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_DEPS})
  voltdesk_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 60)
  endif()
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABEL}" TIMEOUT ${ARG_TIMEOUT})
  if(ARG_LOCKS)
    set_tests_properties(${name} PROPERTIES RESOURCE_LOCK "${ARG_LOCKS}")
  endif()
  # Integration tests need the real servers; the fixture starts them once for the whole run.
  if(ARG_LABEL STREQUAL "Integration")
    list(APPEND ARG_FIXTURES services)
  endif()
  if(ARG_FIXTURES)
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${ARG_FIXTURES}")
  endif()
  list(APPEND ARG_ENV "VOLTDESK_TEST_SERVICES_DIR=${CMAKE_BINARY_DIR}/test-services"
                      "VOLTDESK_BUILD_DIR=${CMAKE_BINARY_DIR}" "VOLTDESK_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
  if(ARG_LABEL STREQUAL "GUI")
    list(APPEND ARG_ENV "QT_QUICK_BACKEND=software")
  endif()
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${ARG_ENV}")
endfunction()

; kairos:// invite links open Kairos (included by CPack's NSIS installer, per machine).
WriteRegStr HKCR "kairos" "" "URL:Kairos invite link"
WriteRegStr HKCR "kairos" "URL Protocol" ""
WriteRegStr HKCR "kairos\DefaultIcon" "" "$INSTDIR\bin\kairos.exe,0"
WriteRegStr HKCR "kairos\shell\open\command" "" '"$INSTDIR\bin\kairos.exe" "%1"'

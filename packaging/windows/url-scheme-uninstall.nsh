; Removes what url-scheme-install.nsh registered.
DeleteRegKey HKCR "kairos"

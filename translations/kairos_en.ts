<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AvailabilityText</name>
    <message>
        <source>1 day ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not sharing your availability in this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not shared availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your availability is from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s availability is from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s availability is only known until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tentative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Kairos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid profile name. Use letters, digits, dots, dashes and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kairos cannot create its data folder:
%1

Check that the disk is not full and that you may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kairos cannot open its database:
%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kairos is connected — you can close this tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your calendar database could not be read, so Kairos started with an empty one. The damaged file was kept, untouched, at:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your calendar database could not be read, so Kairos restored the latest automatic backup (%1). The damaged file was kept, untouched, at:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database recovered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>List connected accounts and their status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli: invalid profile name &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli: cannot open the database: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts. Add one with: kairos-cli connect google|microsoft
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List occurrences between two dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day, inclusive (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli agenda: --from and --to must be dates (YYYY-MM-DD), from &lt;= to
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only print the URL; do not open a browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli: this build has no %1 client ID; set KAIROS_%2_CLIENT_ID (see README and docs/accounts.md)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Kairos is connected&lt;/h1&gt;&lt;p&gt;You can close this tab.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in:

  %1

Waiting for the browser (5 minutes)...
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected %1 (%2), account id %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli connect: %1 (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect an account: revoke its access, delete its token and cached data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli disconnect: no account &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli disconnect: &apos;%1&apos; matches several accounts; use the id
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli disconnect: %1 (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the profile&apos;s calendars to an AI assistant over the Model Context Protocol (stdio). See docs/mcp.md for the client configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronise connected calendars now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: synced
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: sync failed (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet; they are kept and sent at the next sync.
</source>
        <translation>
            <numerusform>%n change not sent yet; it is kept and sent at the next sync.
</numerusform>
            <numerusform>%n changes not sent yet; they are kept and sent at the next sync.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: &quot;%1&quot; repeats more often than hourly; only its first occurrence is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: &quot;%1&quot; repeats too often to list every occurrence; some are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a Google or Microsoft calendar account (opens the system browser), or a CalDAV account (iCloud, Fastmail, Nextcloud, any server): kairos-cli connect caldav SERVER --user NAME, with the password (an app-specific one where the service has them) on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CalDAV: the user name (Apple ID, login).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CalDAV: the server (caldav.icloud.com, caldav.fastmail.com, a Nextcloud URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kairos-cli connect: say google, microsoft or caldav SERVER --user NAME
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::AboutDialog</name>
    <message>
        <source>About Kairos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team chat and calendars: Google, Outlook, local and .ics. Kairos is free software under the MIT licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kairos is built on these libraries, each under its own licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kairos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::AccountsPage</name>
    <message>
        <source>Connect Google Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no Google client ID — see README.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no Microsoft client ID — see README.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect %1? Kairos revokes its access, deletes its sign-in from the keychain and removes its calendars and events from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered, so the sign-in could not be deleted. Start your keyring (e.g. GNOME Keyring or KWallet) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not disconnect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its sign-in is missing from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its sign-in in the keychain is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sign-in expired after a long time unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider asks you to sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access was revoked or has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider refused the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered (%1). Kairos keeps sign-ins only in the system keychain, so nothing was saved. Start GNOME Keyring, KWallet or another Secret Service and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was not granted in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in timed out. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in as a different account. Reconnect with the account shown in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no client ID for that provider — see README.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you to sign in with your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add CalDAV account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCloud, Fastmail, Nextcloud or any CalDAV server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CalDAV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the password (changed or revoked)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::AgendaView</name>
    <message>
        <source>Today — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::AvailabilityPage</name>
    <message>
        <source>Your working hours, in your time zone. Rooms you share your availability with see them with your busy times (never titles). Several ranges a day: 09:00-12:00, 13:00-17:00. Leave a day empty when you do not work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share busy times for the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to Monday–Friday 09:00–17:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a time range. Write it like 09:00-17:00; separate several with commas.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::BookingFlow</name>
    <message>
        <source>The meeting was saved, but it could not be posted to the room: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::CalDavAccountDialog</name>
    <message>
        <source>Add CalDAV account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect CalDAV account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a calendar that speaks CalDAV: iCloud, Fastmail, Nextcloud or any other CalDAV server. The password is kept only in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fastmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nextcloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other CalDAV server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://cloud.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://dav.example.com or dav.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@icloud.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App-specific password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCloud needs an app-specific password, not your Apple ID password. Make one at account.apple.com → Sign-In and Security → App-Specific Passwords (&lt;a href=&quot;%1&quot;&gt;how&lt;/a&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fastmail address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@fastmail.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make an app password with calendar (CalDAV) access in Fastmail: Settings → Privacy &amp; Security → App passwords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Nextcloud address, as in the browser. An app password (Personal settings → Security → Devices &amp; sessions) is safer than your own password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s address; Kairos finds the calendars on it (/.well-known/caldav, DNS SRV records).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the user name or password. For iCloud and Fastmail, use an app-specific password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server. Check the address and your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered, so the password could not be stored. Start GNOME Keyring, KWallet or another Secret Service and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CalDAV calendars were found there (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::CalendarsPage</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n day before</numerusform>
            <numerusform>%n days before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n hour before</numerusform>
            <numerusform>%n hours before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minute before</numerusform>
            <numerusform>%n minutes before</numerusform>
        </translation>
    </message>
    <message>
        <source>Each calendar&apos;s colour, and the reminder its new events get.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the colour of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google&apos;s default for this calendar; change it in Google Calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This calendar is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Kairos when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar &amp; reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kairos could not change whether it starts at login: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::ChatController</name>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join a Room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host a Room on This Computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Kairos invite link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat — %1 (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: your member secret is kept in memory for this session only. After a restart this name may be refused in this room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This room is open to the network. Invite link: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host a Room on This Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this link to the people you want in the room:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Display Name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick another name with Room → Change Display Name….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Display Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name in the room:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room could not be opened to the network as last time (%1). It is on this computer only for now. Kairos tries again at the next start; to try now, use Room → Host a Room on This Computer…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::ChatPanel</name>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load older messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invite key is not valid for this room. Ask for a new invite link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name is already used in the room. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name belongs to someone else in the room, or this device lost its key. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This room does not exist on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a display name of 1 to 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room server is too old or too new for this version of Kairos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room server is busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are sending too fast; your messages will go out in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsent messages cannot be saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room reported an error (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are offline — messages will be sent when the room is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting in %1 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The message could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 joined the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a meeting proposal this version cannot show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You proposed a meeting: “%1”, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 proposed a meeting: “%2”, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Calendar connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::CommandAssistant</name>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only you can see this. Create this event?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2–%3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— no time was given; change it with Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No day or time was given — choose them with Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants: just you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added “%1” to your calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your agenda, %1 (only you can see this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your calendar could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  All day  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1–%2  %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on your calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect your calendar first: link Google Calendar or Outlook in Settings → Accounts. Until then Kairos uses the calendar on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings → Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not a member of this room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (has not shared availability; their time zone is unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2–%3 their time (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Google)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Outlook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send invitations to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time you wrote does not exist on that day (the clocks go forward); the card shows the first time that does, %1. Check it, or change it with Edit….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time happens twice on that day (the clocks go back); the card uses the first one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone you named is not a member of this room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No day was given, so the first day of that week was picked. Check it, or change it with Edit….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar commands (only you see the cards; free times go to the room):
  Schedule a meeting tomorrow at 3pm — a card to create the event
  What do I have tomorrow? — your agenda
  When can we meet? / Is Bob free at 3? — free times, posted to the room
  /schedule, /agenda, /free, /help — explicit commands, not sent to the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked the best time when everyone named is free, between %1 in each person&apos;s own time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked the best time when everyone named is free and inside working hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time between %1 (in each person&apos;s own time zone) suits everyone named; the card shows the start of the window. Change it with Edit….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time in that window suits everyone named; the card shows its start. Change it with Edit….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known: %1 (no shared availability).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free times could not be worked out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is not connected, so only you can see this answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone else free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of office: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tentative: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside working hours: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You asked the room: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asked the room: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown — you have not shared availability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown — %1 has not shared availability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No — you are busy then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No — %1 is busy then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No — you are out of office then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No — %1 is out of office then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No — that is outside your working hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No — that is outside %1&apos;s working hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maybe — you have something tentative then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maybe — %1 has something tentative then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes — you are free then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes — %1 is free then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free times for %1 (%2 min), in your time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time fits: the window is too short or already over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time fits: %1 has no free time in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time fits: the working hours of %1 never overlap in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time fits: someone among %1 is always busy when the others are free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closest: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your availability is from %1 ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s availability is from %2 ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not shared availability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not shared availability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to calendar?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date you wrote can be read two ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1 instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep server version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no sync conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event was deleted on the server since you loaded it. Your edit was kept aside and was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event was changed on the server since you loaded it. Your edit was kept aside; the server&apos;s version is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server&apos;s version: “%1”, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit: “%1”, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused your edit of this event. Your edit was kept aside; the server&apos;s version is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reapply my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your edit again, on top of the server&apos;s version shown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reapply your edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You deleted it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::EventDialog</name>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are in %1 (the event&apos;s time zone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to Apple Calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download .ics: saves this event as an invitation file. Opening the file in Apple Calendar (or Outlook, or Google Calendar) adds the event, and opening a newer file later updates it instead of adding a second copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist on %2 in %3 (clocks go forward); the event will start at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist on %2 in %3 (clocks go forward); the event will end at %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 happens twice on %2 in %3 (clocks go back). Which one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event ends before it starts: pick an end date on or after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid start and end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event ends before it starts: pick an end after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no calendar you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail addresses, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail the attendees about this change (Google Calendar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Calendar sets out of office itself: set it there, and Kairos shows it after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your team sees this time as out of office, not just busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) before</source>
        <translation>
            <numerusform>%n week before</numerusform>
            <numerusform>%n weeks before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n day before</numerusform>
            <numerusform>%n days before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n hour before</numerusform>
            <numerusform>%n hours before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minute before</numerusform>
            <numerusform>%n minutes before</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::ExportDialog</name>
    <message>
        <source>Export calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in a date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::FindTimeController</name>
    <message>
        <source>&amp;Find a Time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a time that suits the room&apos;s members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::FindTimeDialog</name>
    <message>
        <source>%1 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>weekday and date, then time: Mon 8 Dec 16:00</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out of office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tentative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone else free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside everyone&apos;s working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2 in %3, outside working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s availability unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>availability unknown for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a reason</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen time span is shorter than the meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no working hours %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of office all of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no free time inside working hours %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hour %1 when %2 and %3 are both inside working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hour %1 when %2 are all inside working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free time %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hour %1 when %2 and %3 are both free inside working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hour %1 when %2 are all free inside working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; nearest: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not shared availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>availability from %n day(s) ago</source>
        <translation>
            <numerusform>availability from %n day ago</numerusform>
            <numerusform>availability from %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>availability from %n hour(s) ago</source>
        <translation>
            <numerusform>availability from %n hour ago</numerusform>
            <numerusform>availability from %n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who the meeting is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No times could be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>slot start and end time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can attend: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::FreeBusyDialog</name>
    <message>
        <source>Export free/busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes when you are busy, without titles or details, for people outside your team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::GroupAvailabilityOverlay</name>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, outside working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 in %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 busy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::GroupLegend</name>
    <message>
        <source>Show the team&apos;s availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One lane per member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many are busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Darker: more people busy. Hatched: outside someone&apos;s working hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Striped: tentative · dark: out of office · hatched: outside working hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::IcsController</name>
    <message>
        <source>Import calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a calendar file (.ics): it holds no calendar data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no calendar you can add events to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported “%1”: %n new event(s)</source>
        <translation>
            <numerusform>Imported “%1”: %n new event</numerusform>
            <numerusform>Imported “%1”: %n new events</numerusform>
        </translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calendar %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to “%1”</source>
        <translation>
            <numerusform>Exported %n event to “%1”</numerusform>
            <numerusform>Exported %n events to “%1”</numerusform>
        </translation>
    </message>
    <message>
        <source>Export free/busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free-busy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free-busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free/busy saved to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download .ics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”. Open it in Apple Calendar, Outlook or Google Calendar to add the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is not a webcal:// or https:// link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address does not lead to a calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server has a problem; Kairos will try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the calendar is no longer at that address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not let Kairos read this calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server could not be reached; check your connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribed to “%1”; loading its events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe from “%1”? Its events are removed from Kairos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed from “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. The calendar is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribed to “%1” over http://: anyone on the way can change its events. Use https:// if the site offers it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::IcsDialogs</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no valid start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry is cut off (BEGIN without END)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an event (tasks and journal entries are not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the calendar already has a newer version of this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event had no identifier; one was made from its contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Windows time-zone name was converted to its standard name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown time zone: the times were read as UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time zone defined only in the file: the times were converted to UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not describe its time zone; the standard zone of that name was used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the times had no time zone and were read in yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a badly wrapped line was joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an all-day event without a valid end was given one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n imported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events in “%1”: %n.</source>
        <translation>
            <numerusform>Events in “%1”: %n.</numerusform>
            <numerusform>Events in “%1”: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entries that cannot be imported: %n (the report lists them).</source>
        <translation>
            <numerusform>Entries that cannot be imported: %n (the report lists them).</numerusform>
            <numerusform>Entries that cannot be imported: %n (the report lists them).</numerusform>
        </translation>
    </message>
    <message>
        <source>it could not be added to this Google or Outlook calendar (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value that could not be read was left out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has this event more than once; the newest version was kept (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::ImportReportDialog</name>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::ImportTargetDialog</name>
    <message>
        <source>Import into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendars of Google or Outlook accounts that are not connected are not listed: reconnect the account in Settings → Accounts to import into them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n attendee(s) listed in the file: Outlook will invite them by e-mail and Google adds the event to their calendars. Otherwise they are kept in the description.</source>
        <translation>
            <numerusform>Keep the attendee listed in the file: Outlook will invite them by e-mail and Google adds the event to their calendar. Otherwise they are kept in the description.</numerusform>
            <numerusform>Keep the %n attendees listed in the file: Outlook will invite them by e-mail and Google adds the event to their calendars. Otherwise they are kept in the description.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kairos::MainWindow</name>
    <message>
        <source>Kairos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings → Accounts: connect Google Calendar or Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import events from an .ics file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a calendar or a date range as an .ics file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Free/Busy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save when you are busy, without details, as an .ics file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a published calendar (webcal:// or https://)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to today (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (←, Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (→, Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribed, read-only: %1
Right-click to unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>month year</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync the connected accounts&apos; calendars now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event was changed on the server since you loaded it; your edit was kept aside. See View → Sync Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit recurring event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” repeats. Change only this occurrence, or every event in the series?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This calendar is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar database could not be written. Check that the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Co&amp;nflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscri&amp;be to Calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts for your availability: its events make you busy for others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not count for your availability: others see you free during its events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts for My Availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When on, this calendar&apos;s events make you busy in free/busy and meeting suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” repeats more often than hourly; only its first occurrence is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” repeats too often to show every occurrence; some are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar &amp;&amp; reminders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::MonthView</name>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kairos::ProposalCard</name>
    <message>
        <source>meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed by %1 in the team room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed by %1 in the team room. Attendees: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download .ics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”. Open it in Apple Calendar, Outlook or Google Calendar to add the meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to my calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invitation file for Apple Calendar, Outlook and others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 – %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organiser: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees: none named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting proposal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting could not be added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in your calendar (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::ReconnectBanner</name>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message until the account&apos;s status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered (%1), so Kairos cannot read or save your sign-ins. Start GNOME Keyring, KWallet or another Secret Service and restart Kairos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 account %2 needs to be reconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 account %2 needs to be reconnected: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n more account(s) too)</source>
        <translation>
            <numerusform>(%n more account too)</numerusform>
            <numerusform>(%n more accounts too)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the browser…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::RemindersController</name>
    <message>
        <source>&amp;Reminders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform>
            <numerusform>In %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Starts in %n minute(s)</source>
        <translation>
            <numerusform>Starts in %n minute</numerusform>
            <numerusform>Starts in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starts in %n hour(s)</source>
        <translation>
            <numerusform>Starts in %n hour</numerusform>
            <numerusform>Starts in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starts in %n day(s)</source>
        <translation>
            <numerusform>Starts in %n day</numerusform>
            <numerusform>Starts in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Started %n minute(s) ago</source>
        <translation>
            <numerusform>Started %n minute ago</numerusform>
            <numerusform>Started %n minutes ago</numerusform>
        </translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed reminder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>Snooze %n min</numerusform>
            <numerusform>Snooze %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::RemindersWindow</name>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reminders right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kairos could not save what happened to this reminder; it may come back after a restart.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::RoomHostDialog</name>
    <message>
        <source>Host a Room on This Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Anyone on this network who has the invite link can join the room and read its history.&lt;/b&gt; Without a TLS certificate, messages travel unencrypted. Only do this on a network you trust, and keep Kairos running while others use the room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional — PEM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no network address other than its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open to the Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give both the certificate and its private key, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate or the key could not be read (PEM expected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::RoomJoinDialog</name>
    <message>
        <source>Join a Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the invite link you were given. It looks like kairos://host:port/room?invite=KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Kairos invite link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a display name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::SearchDialog</name>
    <message>
        <source>Find events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, places, notes and people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to search every calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The first %n events found; type more to narrow it down.</source>
        <translation>
            <numerusform>The first event found; type more to narrow it down.</numerusform>
            <numerusform>The first %n events found; type more to narrow it down.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) found</source>
        <translation>
            <numerusform>%n event found</numerusform>
            <numerusform>%n events found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kairos::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events are shown in this time zone. Each event keeps the zone it was created in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::SharingBar</name>
    <message>
        <source>Sharing your availability (busy times only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sharing your availability in this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of this room see when you are busy — never titles, places or attendees — and your working hours and time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of this room cannot see when you are free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sharing your availability with this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share your availability with this room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::SubscribeDialog</name>
    <message>
        <source>Subscribe to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webcal://example.com/holidays.ics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in the calendar list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A subscribed calendar is read-only and is refreshed every 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::SyncIndicator</name>
    <message>
        <source>Syncing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1… %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You seem to be offline; Kairos will sync when the network is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account needs to be reconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar service asked Kairos to slow down; it will retry shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar service had a problem; Kairos will retry shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kairos cannot read the account&apos;s sign-in from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed (%1); Kairos will retry shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synced %n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Synced on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::TeamController</name>
    <message>
        <source>&amp;Team Availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the room&apos;s availability over the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::TimeGridView</name>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::TrayController</name>
    <message>
        <source>&amp;Open Kairos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Kairos — %n unread</source>
        <translation>
            <numerusform>Kairos — %n unread</numerusform>
            <numerusform>Kairos — %n unread</numerusform>
        </translation>
    </message>
    <message>
        <source>Kairos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing more today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kairos is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders and messages keep coming. Open Kairos from its icon here; Quit from its menu ends it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kairos::ui</name>
    <message>
        <source>%1 – %2</source>
        <extracomment>Separator between the two ends of a date range in the title bar.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

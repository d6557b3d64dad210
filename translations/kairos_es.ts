<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AvailabilityText</name>
    <message>
        <source>1 day ago</source>
        <translation>hace 1 día</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>hace %1 días</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>hace 1 hora</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>hace %1 horas</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>You are not sharing your availability in this room</source>
        <translation>No compartes tu disponibilidad en esta sala</translation>
    </message>
    <message>
        <source>%1 has not shared availability</source>
        <translation>%1 no ha compartido su disponibilidad</translation>
    </message>
    <message>
        <source>Your availability is from %1</source>
        <translation>Tu disponibilidad es de %1</translation>
    </message>
    <message>
        <source>%1&apos;s availability is from %2</source>
        <translation>La disponibilidad de %1 es de %2</translation>
    </message>
    <message>
        <source>%1&apos;s availability is only known until %2</source>
        <translation>La disponibilidad de %1 solo se conoce hasta %2</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>provisional</translation>
    </message>
    <message>
        <source>out of office</source>
        <translation>fuera de la oficina</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>ocupado</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Kairos</source>
        <translation>Kairos</translation>
    </message>
    <message>
        <source>“%1” is not a valid profile name. Use letters, digits, dots, dashes and underscores.</source>
        <translation>«%1» no es un nombre de perfil válido. Usa letras, dígitos, puntos, guiones y guiones bajos.</translation>
    </message>
    <message>
        <source>Kairos cannot create its data folder:
%1

Check that the disk is not full and that you may write there.</source>
        <translation>Kairos no puede crear su carpeta de datos:
%1

Comprueba que el disco no esté lleno y que tienes permiso para escribir en ella.</translation>
    </message>
    <message>
        <source>Kairos cannot open its database:
%1

%2</source>
        <translation>Kairos no puede abrir su base de datos:
%1

%2</translation>
    </message>
    <message>
        <source>My calendar</source>
        <translation>Mi calendario</translation>
    </message>
    <message>
        <source>Kairos is connected — you can close this tab</source>
        <translation>Kairos está conectado: ya puedes cerrar esta pestaña</translation>
    </message>
    <message>
        <source>Your calendar database could not be read, so Kairos started with an empty one. The damaged file was kept, untouched, at:
%1</source>
        <translation>No se ha podido leer la base de datos de tu calendario, así que Kairos ha empezado con una vacía. El archivo dañado se ha conservado, sin modificar, en:
%1</translation>
    </message>
    <message>
        <source>Your calendar database could not be read, so Kairos restored the latest automatic backup (%1). The damaged file was kept, untouched, at:
%2</source>
        <translation>No se ha podido leer la base de datos de tu calendario, así que Kairos ha restaurado la copia de seguridad automática más reciente (%1). El archivo dañado se ha conservado, sin modificar, en:
%2</translation>
    </message>
    <message>
        <source>Database recovered</source>
        <translation>Base de datos recuperada</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>List connected accounts and their status.</source>
        <translation>Muestra las cuentas conectadas y su estado.</translation>
    </message>
    <message>
        <source>Profile name.</source>
        <translation>Nombre del perfil.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Imprime en formato JSON.</translation>
    </message>
    <message>
        <source>kairos-cli: invalid profile name &apos;%1&apos;
</source>
        <translation>kairos-cli: nombre de perfil no válido «%1»
</translation>
    </message>
    <message>
        <source>kairos-cli: cannot open the database: %1
</source>
        <translation>kairos-cli: no se puede abrir la base de datos: %1
</translation>
    </message>
    <message>
        <source>No accounts. Add one with: kairos-cli connect google|microsoft
</source>
        <translation>No hay cuentas. Añade una con: kairos-cli connect google|microsoft
</translation>
    </message>
    <message>
        <source>List occurrences between two dates.</source>
        <translation>Muestra las repeticiones de eventos entre dos fechas.</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD).</source>
        <translation>Primer día (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Last day, inclusive (YYYY-MM-DD).</source>
        <translation>Último día, incluido (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>kairos-cli agenda: --from and --to must be dates (YYYY-MM-DD), from &lt;= to
</source>
        <translation>kairos-cli agenda: --from y --to deben ser fechas (AAAA-MM-DD), con from &lt;= to
</translation>
    </message>
    <message>
        <source>Only print the URL; do not open a browser.</source>
        <translation>Solo imprime la URL; no abre ningún navegador.</translation>
    </message>
    <message>
        <source>kairos-cli: this build has no %1 client ID; set KAIROS_%2_CLIENT_ID (see README and docs/accounts.md)
</source>
        <translation>kairos-cli: esta compilación no tiene ID de cliente de %1; define KAIROS_%2_CLIENT_ID (consulta README y docs/accounts.md)
</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Kairos is connected&lt;/h1&gt;&lt;p&gt;You can close this tab.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Kairos está conectado&lt;/h1&gt;&lt;p&gt;Ya puedes cerrar esta pestaña.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in:

  %1

Waiting for the browser (5 minutes)...
</source>
        <translation>Abre esta dirección en un navegador para iniciar sesión:

  %1

Esperando al navegador (5 minutos)...
</translation>
    </message>
    <message>
        <source>Connected %1 (%2), account id %3
</source>
        <translation>Se ha conectado %1 (%2), ID de cuenta %3
</translation>
    </message>
    <message>
        <source>kairos-cli connect: %1 (%2)
</source>
        <translation>kairos-cli connect: %1 (%2)
</translation>
    </message>
    <message>
        <source>Disconnect an account: revoke its access, delete its token and cached data.</source>
        <translation>Desconecta una cuenta: revoca su acceso y elimina su token y sus datos en caché.</translation>
    </message>
    <message>
        <source>kairos-cli disconnect: no account &apos;%1&apos;
</source>
        <translation>kairos-cli disconnect: no existe la cuenta «%1»
</translation>
    </message>
    <message>
        <source>kairos-cli disconnect: &apos;%1&apos; matches several accounts; use the id
</source>
        <translation>kairos-cli disconnect: «%1» coincide con varias cuentas; usa el ID
</translation>
    </message>
    <message>
        <source>Disconnected %1
</source>
        <translation>Se ha desconectado %1
</translation>
    </message>
    <message>
        <source>kairos-cli disconnect: %1 (%2)
</source>
        <translation>kairos-cli disconnect: %1 (%2)
</translation>
    </message>
    <message>
        <source>Serve the profile&apos;s calendars to an AI assistant over the Model Context Protocol (stdio). See docs/mcp.md for the client configuration.</source>
        <translation>Ofrece los calendarios del perfil a un asistente de IA mediante el Model Context Protocol (stdio). Consulta docs/mcp.md para configurar el cliente.</translation>
    </message>
    <message>
        <source>Local calendar</source>
        <translation>Calendario local</translation>
    </message>
    <message>
        <source>Synchronise connected calendars now.</source>
        <translation>Sincroniza ahora los calendarios conectados.</translation>
    </message>
    <message>
        <source>%1: synced
</source>
        <translation>%1: sincronización completada
</translation>
    </message>
    <message>
        <source>%1: sync failed (%2)
</source>
        <translation>%1: error de sincronización (%2)
</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet; they are kept and sent at the next sync.
</source>
        <translation>
            <numerusform>%n cambio aún no enviado; se conserva y se enviará en la próxima sincronización.
</numerusform>
            <numerusform>%n cambios aún no enviados; se conservan y se enviarán en la próxima sincronización.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: &quot;%1&quot; repeats more often than hourly; only its first occurrence is shown.</source>
        <translation>Nota: «%1» se repite más de una vez por hora; solo se muestra su primera aparición.</translation>
    </message>
    <message>
        <source>Note: &quot;%1&quot; repeats too often to list every occurrence; some are missing.</source>
        <translation>Nota: «%1» se repite demasiadas veces para listar todas sus apariciones; faltan algunas.</translation>
    </message>
    <message>
        <source>Connect a Google or Microsoft calendar account (opens the system browser), or a CalDAV account (iCloud, Fastmail, Nextcloud, any server): kairos-cli connect caldav SERVER --user NAME, with the password (an app-specific one where the service has them) on standard input.</source>
        <translation>Conecta una cuenta de calendario de Google o Microsoft (abre el navegador del sistema), o una cuenta CalDAV (iCloud, Fastmail, Nextcloud, cualquier servidor): kairos-cli connect caldav SERVIDOR --user NOMBRE, con la contraseña (una específica para apps donde el servicio las tenga) por la entrada estándar.</translation>
    </message>
    <message>
        <source>CalDAV: the user name (Apple ID, login).</source>
        <translation>CalDAV: el nombre de usuario (ID de Apple, usuario).</translation>
    </message>
    <message>
        <source>CalDAV: the server (caldav.icloud.com, caldav.fastmail.com, a Nextcloud URL).</source>
        <translation>CalDAV: el servidor (caldav.icloud.com, caldav.fastmail.com, una URL de Nextcloud).</translation>
    </message>
    <message>
        <source>kairos-cli connect: say google, microsoft or caldav SERVER --user NAME
</source>
        <translation>kairos-cli connect: indica google, microsoft o caldav SERVIDOR --user NOMBRE
</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Contraseña de %1: </translation>
    </message>
</context>
<context>
    <name>kairos::AboutDialog</name>
    <message>
        <source>About Kairos</source>
        <translation>Acerca de Kairos</translation>
    </message>
    <message>
        <source>Team chat and calendars: Google, Outlook, local and .ics. Kairos is free software under the MIT licence.</source>
        <translation>Chat de equipo y calendarios: Google, Outlook, locales e .ics. Kairos es software libre con licencia MIT.</translation>
    </message>
    <message>
        <source>Kairos is built on these libraries, each under its own licence:</source>
        <translation>Kairos se basa en estas bibliotecas, cada una con su propia licencia:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Kairos</source>
        <translation>&amp;Acerca de Kairos</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>kairos::AccountsPage</name>
    <message>
        <source>Connect Google Calendar</source>
        <translation>Conectar Google Calendar</translation>
    </message>
    <message>
        <source>Connect Outlook</source>
        <translation>Conectar Outlook</translation>
    </message>
    <message>
        <source>This build has no Google client ID — see README.</source>
        <translation>Esta compilación no tiene ID de cliente de Google; consulta el README.</translation>
    </message>
    <message>
        <source>This build has no Microsoft client ID — see README.</source>
        <translation>Esta compilación no tiene ID de cliente de Microsoft; consulta el README.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Volver a conectar</translation>
    </message>
    <message>
        <source>Disconnect…</source>
        <translation>Desconectar…</translation>
    </message>
    <message>
        <source>Disconnect account</source>
        <translation>Desconectar cuenta</translation>
    </message>
    <message>
        <source>Disconnect %1? Kairos revokes its access, deletes its sign-in from the keychain and removes its calendars and events from this computer.</source>
        <translation>¿Quieres desconectar %1? Kairos revocará su acceso, eliminará su inicio de sesión del llavero y quitará sus calendarios y eventos de este ordenador.</translation>
    </message>
    <message>
        <source>No keychain service answered, so the sign-in could not be deleted. Start your keyring (e.g. GNOME Keyring or KWallet) and try again.</source>
        <translation>Ningún servicio de llavero ha respondido, así que no se ha podido eliminar el inicio de sesión. Inicia tu llavero (por ejemplo, GNOME Keyring o KWallet) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Could not disconnect: %1</source>
        <translation>No se ha podido desconectar: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>its sign-in is missing from the keychain</source>
        <translation>su inicio de sesión no está en el llavero</translation>
    </message>
    <message>
        <source>its sign-in in the keychain is damaged</source>
        <translation>su inicio de sesión en el llavero está dañado</translation>
    </message>
    <message>
        <source>the sign-in expired after a long time unused</source>
        <translation>el inicio de sesión ha caducado tras mucho tiempo sin usarse</translation>
    </message>
    <message>
        <source>the provider asks you to sign in again</source>
        <translation>el proveedor te pide que vuelvas a iniciar sesión</translation>
    </message>
    <message>
        <source>access was revoked or has expired</source>
        <translation>el acceso se ha revocado o ha caducado</translation>
    </message>
    <message>
        <source>the provider refused the sign-in</source>
        <translation>el proveedor ha rechazado el inicio de sesión</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Account connected.</source>
        <translation>Cuenta conectada.</translation>
    </message>
    <message>
        <source>No keychain service answered (%1). Kairos keeps sign-ins only in the system keychain, so nothing was saved. Start GNOME Keyring, KWallet or another Secret Service and try again.</source>
        <translation>Ningún servicio de llavero ha respondido (%1). Kairos solo guarda los inicios de sesión en el llavero del sistema, así que no se ha guardado nada. Inicia GNOME Keyring, KWallet u otro servicio Secret Service y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Access was not granted in the browser.</source>
        <translation>No se ha concedido el acceso en el navegador.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Inicio de sesión cancelado.</translation>
    </message>
    <message>
        <source>The sign-in timed out. Try again.</source>
        <translation>Se ha agotado el tiempo para iniciar sesión. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>You signed in as a different account. Reconnect with the account shown in the list.</source>
        <translation>Has iniciado sesión con otra cuenta. Vuelve a conectar con la cuenta que aparece en la lista.</translation>
    </message>
    <message>
        <source>This build has no client ID for that provider — see README.</source>
        <translation>Esta compilación no tiene ID de cliente para ese proveedor; consulta el README.</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>No se ha podido conectar: %1</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Waiting for you to sign in with your browser…</source>
        <translation>Esperando a que inicies sesión en el navegador…</translation>
    </message>
    <message>
        <source>Reconnect needed</source>
        <translation>Hay que volver a conectar</translation>
    </message>
    <message>
        <source>Add CalDAV account…</source>
        <translation>Añadir cuenta CalDAV…</translation>
    </message>
    <message>
        <source>iCloud, Fastmail, Nextcloud or any CalDAV server</source>
        <translation>iCloud, Fastmail, Nextcloud o cualquier servidor CalDAV</translation>
    </message>
    <message>
        <source>CalDAV</source>
        <translation>CalDAV</translation>
    </message>
    <message>
        <source>the server refused the password (changed or revoked)</source>
        <translation>el servidor rechazó la contraseña (cambiada o revocada)</translation>
    </message>
</context>
<context>
    <name>kairos::AgendaView</name>
    <message>
        <source>Today — %1</source>
        <translation>Hoy — %1</translation>
    </message>
    <message>
        <source>Tomorrow — %1</source>
        <translation>Mañana — %1</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Todo el día</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
</context>
<context>
    <name>kairos::AvailabilityPage</name>
    <message>
        <source>Your working hours, in your time zone. Rooms you share your availability with see them with your busy times (never titles). Several ranges a day: 09:00-12:00, 13:00-17:00. Leave a day empty when you do not work.</source>
        <translation>Tu horario laboral, en tu zona horaria. Las salas con las que compartes tu disponibilidad lo ven junto con tus horas ocupadas (nunca los títulos). Varios tramos al día: 09:00-12:00, 13:00-17:00. Deja vacío un día en que no trabajes.</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>No trabajo</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>Share busy times for the next</source>
        <translation>Compartir las horas ocupadas de las próximas</translation>
    </message>
    <message>
        <source>Reset to Monday–Friday 09:00–17:00</source>
        <translation>Restablecer a lunes–viernes 09:00–17:00</translation>
    </message>
    <message>
        <source>%1: “%2” is not a time range. Write it like 09:00-17:00; separate several with commas.</source>
        <translation>%1: «%2» no es un tramo horario. Escríbelo así: 09:00-17:00; separa varios con comas.</translation>
    </message>
</context>
<context>
    <name>kairos::BookingFlow</name>
    <message>
        <source>The meeting was saved, but it could not be posted to the room: %1</source>
        <translation>La reunión se ha guardado, pero no se ha podido publicar en la sala: %1</translation>
    </message>
</context>
<context>
    <name>kairos::CalDavAccountDialog</name>
    <message>
        <source>Add CalDAV account</source>
        <translation>Añadir cuenta CalDAV</translation>
    </message>
    <message>
        <source>Reconnect CalDAV account</source>
        <translation>Volver a conectar la cuenta CalDAV</translation>
    </message>
    <message>
        <source>Connect a calendar that speaks CalDAV: iCloud, Fastmail, Nextcloud or any other CalDAV server. The password is kept only in the system keychain.</source>
        <translation>Conecta un calendario que hable CalDAV: iCloud, Fastmail, Nextcloud o cualquier otro servidor CalDAV. La contraseña se guarda solo en el llavero del sistema.</translation>
    </message>
    <message>
        <source>iCloud</source>
        <translation>iCloud</translation>
    </message>
    <message>
        <source>Fastmail</source>
        <translation>Fastmail</translation>
    </message>
    <message>
        <source>Nextcloud</source>
        <translation>Nextcloud</translation>
    </message>
    <message>
        <source>Other CalDAV server</source>
        <translation>Otro servidor CalDAV</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Servicio:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>https://cloud.example.com</source>
        <translation>https://nube.ejemplo.com</translation>
    </message>
    <message>
        <source>https://dav.example.com or dav.example.com</source>
        <translation>https://dav.ejemplo.com o dav.ejemplo.com</translation>
    </message>
    <message>
        <source>Apple ID:</source>
        <translation>ID de Apple:</translation>
    </message>
    <message>
        <source>name@icloud.com</source>
        <translation>nombre@icloud.com</translation>
    </message>
    <message>
        <source>App-specific password:</source>
        <translation>Contraseña específica para apps:</translation>
    </message>
    <message>
        <source>iCloud needs an app-specific password, not your Apple ID password. Make one at account.apple.com → Sign-In and Security → App-Specific Passwords (&lt;a href=&quot;%1&quot;&gt;how&lt;/a&gt;).</source>
        <translation>iCloud necesita una contraseña específica para apps, no la contraseña de tu ID de Apple. Crea una en account.apple.com → Inicio de sesión y seguridad → Contraseñas específicas para apps (&lt;a href=&quot;%1&quot;&gt;cómo&lt;/a&gt;).</translation>
    </message>
    <message>
        <source>Fastmail address:</source>
        <translation>Dirección de Fastmail:</translation>
    </message>
    <message>
        <source>name@fastmail.com</source>
        <translation>nombre@fastmail.com</translation>
    </message>
    <message>
        <source>App password:</source>
        <translation>Contraseña de app:</translation>
    </message>
    <message>
        <source>Make an app password with calendar (CalDAV) access in Fastmail: Settings → Privacy &amp; Security → App passwords.</source>
        <translation>Crea una contraseña de app con acceso al calendario (CalDAV) en Fastmail: Ajustes → Privacidad y seguridad → Contraseñas de apps.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Your Nextcloud address, as in the browser. An app password (Personal settings → Security → Devices &amp; sessions) is safer than your own password.</source>
        <translation>La dirección de tu Nextcloud, como en el navegador. Una contraseña de app (Configuración personal → Seguridad → Dispositivos y sesiones) es más segura que tu propia contraseña.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>The server&apos;s address; Kairos finds the calendars on it (/.well-known/caldav, DNS SRV records).</source>
        <translation>La dirección del servidor; Kairos encuentra en él los calendarios (/.well-known/caldav, registros DNS SRV).</translation>
    </message>
    <message>
        <source>The server refused the user name or password. For iCloud and Fastmail, use an app-specific password.</source>
        <translation>El servidor rechazó el nombre de usuario o la contraseña. Para iCloud y Fastmail, usa una contraseña específica para apps.</translation>
    </message>
    <message>
        <source>Could not reach the server. Check the address and your connection.</source>
        <translation>No se pudo contactar con el servidor. Comprueba la dirección y tu conexión.</translation>
    </message>
    <message>
        <source>No keychain service answered, so the password could not be stored. Start GNOME Keyring, KWallet or another Secret Service and try again.</source>
        <translation>Ningún servicio de llavero respondió, así que no se pudo guardar la contraseña. Inicia GNOME Keyring, KWallet u otro Secret Service e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Check the address: %1</source>
        <translation>Comprueba la dirección: %1</translation>
    </message>
    <message>
        <source>No CalDAV calendars were found there (%1).</source>
        <translation>No se encontraron calendarios CalDAV ahí (%1).</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Conectada.</translation>
    </message>
</context>
<context>
    <name>kairos::CalendarsPage</name>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>At the start</source>
        <translation>Al empezar</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n día antes</numerusform>
            <numerusform>%n días antes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n hora antes</numerusform>
            <numerusform>%n horas antes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minuto antes</numerusform>
            <numerusform>%n minutos antes</numerusform>
        </translation>
    </message>
    <message>
        <source>Each calendar&apos;s colour, and the reminder its new events get.</source>
        <translation>El color de cada calendario y el recordatorio que reciben sus eventos nuevos.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Default reminder</source>
        <translation>Recordatorio predeterminado</translation>
    </message>
    <message>
        <source>Choose the colour of “%1”</source>
        <translation>Elegir el color de «%1»</translation>
    </message>
    <message>
        <source>Google&apos;s default for this calendar; change it in Google Calendar.</source>
        <translation>El predeterminado de Google para este calendario; se cambia en Google Calendar.</translation>
    </message>
    <message>
        <source>This calendar is read-only.</source>
        <translation>Este calendario es de solo lectura.</translation>
    </message>
    <message>
        <source>Colour of “%1”</source>
        <translation>Color de «%1»</translation>
    </message>
    <message>
        <source>Start Kairos when I log in</source>
        <translation>Abrir Kairos al iniciar sesión</translation>
    </message>
    <message>
        <source>Calendar &amp; reminders</source>
        <translation>Calendario y recordatorios</translation>
    </message>
    <message>
        <source>Kairos could not change whether it starts at login: %1</source>
        <translation>Kairos no pudo cambiar si se abre al iniciar sesión: %1</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>No se pudo guardar «%1»: %2</translation>
    </message>
</context>
<context>
    <name>kairos::ChatController</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Sala</translation>
    </message>
    <message>
        <source>&amp;Join a Room…</source>
        <translation>&amp;Unirse a una sala…</translation>
    </message>
    <message>
        <source>&amp;Host a Room on This Computer…</source>
        <translation>&amp;Alojar una sala en este ordenador…</translation>
    </message>
    <message>
        <source>&amp;Leave Room</source>
        <translation>&amp;Salir de la sala</translation>
    </message>
    <message>
        <source>Leave Room</source>
        <translation>Salir de la sala</translation>
    </message>
    <message>
        <source>This is not a Kairos invite link.</source>
        <translation>No es un enlace de invitación de Kairos.</translation>
    </message>
    <message>
        <source>The room could not be started: %1</source>
        <translation>No se ha podido iniciar la sala: %1</translation>
    </message>
    <message>
        <source>Chat — %1 (this computer)</source>
        <translation>Chat — %1 (este ordenador)</translation>
    </message>
    <message>
        <source>Chat — %1</source>
        <translation>Chat — %1</translation>
    </message>
    <message>
        <source>No keychain is available: your member secret is kept in memory for this session only. After a restart this name may be refused in this room.</source>
        <translation>No hay ningún llavero disponible: tu secreto de miembro solo se guarda en memoria durante esta sesión. Después de reiniciar, es posible que esta sala rechace este nombre.</translation>
    </message>
    <message>
        <source>This room is open to the network. Invite link: %1</source>
        <translation>Esta sala está abierta a la red. Enlace de invitación: %1</translation>
    </message>
    <message>
        <source>Join a Room</source>
        <translation>Unirse a una sala</translation>
    </message>
    <message>
        <source>Host a Room on This Computer</source>
        <translation>Alojar una sala en este ordenador</translation>
    </message>
    <message>
        <source>Invite Link</source>
        <translation>Enlace de invitación</translation>
    </message>
    <message>
        <source>Send this link to the people you want in the room:</source>
        <translation>Envía este enlace a las personas que quieras en la sala:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Change &amp;Display Name…</source>
        <translation>Cambiar &amp;nombre visible…</translation>
    </message>
    <message>
        <source>Pick another name with Room → Change Display Name….</source>
        <translation>Elige otro nombre en Sala → Cambiar nombre visible….</translation>
    </message>
    <message>
        <source>Change Display Name</source>
        <translation>Cambiar nombre visible</translation>
    </message>
    <message>
        <source>Your name in the room:</source>
        <translation>Tu nombre en la sala:</translation>
    </message>
    <message>
        <source>The room could not be opened to the network as last time (%1). It is on this computer only for now. Kairos tries again at the next start; to try now, use Room → Host a Room on This Computer…</source>
        <translation>No se ha podido abrir la sala a la red como la última vez (%1). De momento solo está en este ordenador. Kairos lo volverá a intentar al iniciarse; para intentarlo ahora, usa Sala → Alojar una sala en este ordenador…</translation>
    </message>
</context>
<context>
    <name>kairos::ChatPanel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (tú)</translation>
    </message>
    <message>
        <source>Calendar connected</source>
        <translation>Calendario conectado</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Load older messages</source>
        <translation>Cargar mensajes anteriores</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>Escribe un mensaje: Enter envía, Shift+Enter para una línea nueva</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>The invite key is not valid for this room. Ask for a new invite link.</source>
        <translation>La clave de invitación no es válida para esta sala. Pide un enlace de invitación nuevo.</translation>
    </message>
    <message>
        <source>This name is already used in the room. Choose another name.</source>
        <translation>Este nombre ya se usa en la sala. Elige otro nombre.</translation>
    </message>
    <message>
        <source>This name belongs to someone else in the room, or this device lost its key. Choose another name.</source>
        <translation>Este nombre pertenece a otra persona de la sala, o este dispositivo ha perdido su clave. Elige otro nombre.</translation>
    </message>
    <message>
        <source>This room does not exist on the server.</source>
        <translation>Esta sala no existe en el servidor.</translation>
    </message>
    <message>
        <source>Choose a display name of 1 to 40 characters.</source>
        <translation>Elige un nombre visible de entre 1 y 40 caracteres.</translation>
    </message>
    <message>
        <source>The room server is too old or too new for this version of Kairos.</source>
        <translation>El servidor de la sala es demasiado antiguo o demasiado nuevo para esta versión de Kairos.</translation>
    </message>
    <message>
        <source>The room is full.</source>
        <translation>La sala está llena.</translation>
    </message>
    <message>
        <source>The room server is busy.</source>
        <translation>El servidor de la sala está ocupado.</translation>
    </message>
    <message>
        <source>You are sending too fast; your messages will go out in a moment.</source>
        <translation>Estás enviando demasiado rápido; tus mensajes saldrán en un momento.</translation>
    </message>
    <message>
        <source>Unsent messages cannot be saved on this computer.</source>
        <translation>Los mensajes no enviados no se pueden guardar en este ordenador.</translation>
    </message>
    <message>
        <source>The room reported an error (%1).</source>
        <translation>La sala ha informado de un error (%1).</translation>
    </message>
    <message>
        <source>Not connected to the room.</source>
        <translation>Sin conexión con la sala.</translation>
    </message>
    <message>
        <source>You are offline — messages will be sent when the room is back</source>
        <translation>No tienes conexión: los mensajes se enviarán cuando la sala vuelva a estar disponible</translation>
    </message>
    <message>
        <source>Connecting to the room…</source>
        <translation>Conectando con la sala…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s…</source>
        <translation>Volviendo a conectar en %1 s…</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n sin leer</numerusform>
            <numerusform>%n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>The message could not be saved: %1</source>
        <translation>No se ha podido guardar el mensaje: %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>%1 joined the room</source>
        <translation>%1 se ha unido a la sala</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>%1 sent a meeting proposal this version cannot show.</source>
        <translation>%1 ha enviado una propuesta de reunión que esta versión no puede mostrar.</translation>
    </message>
    <message>
        <source>You proposed a meeting: “%1”, %2.</source>
        <translation>Has propuesto una reunión: «%1», %2.</translation>
    </message>
    <message>
        <source>%1 proposed a meeting: “%2”, %3.</source>
        <translation>%1 ha propuesto una reunión: «%2», %3.</translation>
    </message>
    <message>
        <source>%1 · Calendar connected</source>
        <translation>%1 · Calendario conectado</translation>
    </message>
</context>
<context>
    <name>kairos::CommandAssistant</name>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Con %1</translation>
    </message>
    <message>
        <source>Only you can see this. Create this event?</source>
        <translation>Solo tú puedes ver esto. ¿Quieres crear este evento?</translation>
    </message>
    <message>
        <source>%1, %2–%3 (%4)</source>
        <translation>%1, %2–%3 (%4)</translation>
    </message>
    <message>
        <source>— no time was given; change it with Edit…</source>
        <translation>— no se ha indicado la hora; cámbiala con Editar…</translation>
    </message>
    <message>
        <source>No day or time was given — choose them with Edit…</source>
        <translation>No se ha indicado el día ni la hora — elígelos con Editar…</translation>
    </message>
    <message>
        <source>Participants: just you</source>
        <translation>Participantes: solo tú</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Participantes: %1</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>Calendario: %1</translation>
    </message>
    <message>
        <source>This time is in the past.</source>
        <translation>Esta hora ya ha pasado.</translation>
    </message>
    <message>
        <source>This date does not exist.</source>
        <translation>Esta fecha no existe.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Added “%1” to your calendar.</source>
        <translation>Se ha añadido «%1» a tu calendario.</translation>
    </message>
    <message>
        <source>The event could not be created: %1</source>
        <translation>No se ha podido crear el evento: %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Your agenda, %1 (only you can see this)</source>
        <translation>Tu agenda, %1 (solo tú puedes ver esto)</translation>
    </message>
    <message>
        <source>Your calendar could not be read: %1</source>
        <translation>No se ha podido leer tu calendario: %1</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>  All day  %1</source>
        <translation>  Todo el día  %1</translation>
    </message>
    <message>
        <source>  %1–%2  %3</source>
        <translation>  %1–%2  %3</translation>
    </message>
    <message>
        <source>Nothing on your calendar.</source>
        <translation>No tienes nada en el calendario.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Duración: %1</translation>
    </message>
    <message>
        <source>Connect your calendar first: link Google Calendar or Outlook in Settings → Accounts. Until then Kairos uses the calendar on this computer.</source>
        <translation>Primero conecta tu calendario: vincula Google Calendar u Outlook en Ajustes → Cuentas. Hasta entonces Kairos usa el calendario de este ordenador.</translation>
    </message>
    <message>
        <source>Open Settings → Accounts</source>
        <translation>Abrir Ajustes → Cuentas</translation>
    </message>
    <message>
        <source>%1 (not a member of this room)</source>
        <translation>%1 (no es miembro de esta sala)</translation>
    </message>
    <message>
        <source>%1 (has not shared availability; their time zone is unknown)</source>
        <translation>%1 (no ha compartido su disponibilidad; no se conoce su zona horaria)</translation>
    </message>
    <message>
        <source>%1 — %2–%3 their time (%4)</source>
        <translation>%1 — %2–%3 en su hora (%4)</translation>
    </message>
    <message>
        <source>Calendar:</source>
        <translation>Calendario:</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>%1 (Google)</source>
        <translation>%1 (Google)</translation>
    </message>
    <message>
        <source>%1 (Outlook)</source>
        <translation>%1 (Outlook)</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (este ordenador)</translation>
    </message>
    <message>
        <source>Send invitations to %1</source>
        <translation>Enviar invitaciones a %1</translation>
    </message>
    <message>
        <source>The time you wrote does not exist on that day (the clocks go forward); the card shows the first time that does, %1. Check it, or change it with Edit….</source>
        <translation>La hora que has escrito no existe ese día (se adelantan los relojes); la tarjeta muestra la primera que sí existe, %1. Compruébala o cámbiala con Editar….</translation>
    </message>
    <message>
        <source>This time happens twice on that day (the clocks go back); the card uses the first one.</source>
        <translation>Esa hora se repite ese día (se atrasan los relojes); la tarjeta usa la primera.</translation>
    </message>
    <message>
        <source>Someone you named is not a member of this room.</source>
        <translation>Alguien a quien has nombrado no es miembro de esta sala.</translation>
    </message>
    <message>
        <source>No day was given, so the first day of that week was picked. Check it, or change it with Edit….</source>
        <translation>No se ha indicado el día, así que se ha elegido el primero de esa semana. Compruébalo o cámbialo con Editar….</translation>
    </message>
    <message>
        <source>Calendar commands (only you see the cards; free times go to the room):
  Schedule a meeting tomorrow at 3pm — a card to create the event
  What do I have tomorrow? — your agenda
  When can we meet? / Is Bob free at 3? — free times, posted to the room
  /schedule, /agenda, /free, /help — explicit commands, not sent to the room</source>
        <translation>Órdenes de calendario (solo tú ves las tarjetas; los huecos libres van a la sala):
  Programa una reunión mañana a las 3 — una tarjeta para crear el evento
  ¿Qué tengo mañana? — tu agenda
  ¿Cuándo podemos quedar? / ¿Está Bob libre a las 3? — huecos libres, publicados en la sala
  /programar, /agenda, /libre, /ayuda — órdenes explícitas, no se envían a la sala</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Picked the best time when everyone named is free, between %1 in each person&apos;s own time zone.</source>
        <translation>Se ha elegido la mejor hora en que todos los nombrados están libres, entre %1 en la zona horaria de cada persona.</translation>
    </message>
    <message>
        <source>Picked the best time when everyone named is free and inside working hours.</source>
        <translation>Se ha elegido la mejor hora en que todos los nombrados están libres y en horario laboral.</translation>
    </message>
    <message>
        <source>No time between %1 (in each person&apos;s own time zone) suits everyone named; the card shows the start of the window. Change it with Edit….</source>
        <translation>Ninguna hora entre %1 (en la zona horaria de cada persona) les viene bien a todos los nombrados; la tarjeta muestra el comienzo del intervalo. Cámbialo con Editar….</translation>
    </message>
    <message>
        <source>No time in that window suits everyone named; the card shows its start. Change it with Edit….</source>
        <translation>Ninguna hora de ese intervalo les viene bien a todos los nombrados; la tarjeta muestra su comienzo. Cámbialo con Editar….</translation>
    </message>
    <message>
        <source>Not known: %1 (no shared availability).</source>
        <translation>Se desconoce: %1 (sin disponibilidad compartida).</translation>
    </message>
    <message>
        <source>Free times could not be worked out: %1</source>
        <translation>No se han podido calcular los huecos libres: %1</translation>
    </message>
    <message>
        <source>The room is not connected, so only you can see this answer.</source>
        <translation>La sala no está conectada, así que solo tú ves esta respuesta.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>tú</translation>
    </message>
    <message>
        <source>everyone free</source>
        <translation>todos libres</translation>
    </message>
    <message>
        <source>everyone else free</source>
        <translation>todos los demás libres</translation>
    </message>
    <message>
        <source>busy: %1</source>
        <translation>ocupados: %1</translation>
    </message>
    <message>
        <source>out of office: %1</source>
        <translation>fuera de la oficina: %1</translation>
    </message>
    <message>
        <source>tentative: %1</source>
        <translation>provisional: %1</translation>
    </message>
    <message>
        <source>outside working hours: %1</source>
        <translation>fuera del horario laboral: %1</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>se desconoce: %1</translation>
    </message>
    <message>
        <source>%1 for %2 (%3)</source>
        <translation>%1 para %2 (%3)</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 con %2</translation>
    </message>
    <message>
        <source>You asked the room: “%1”</source>
        <translation>Has preguntado a la sala: «%1»</translation>
    </message>
    <message>
        <source>%1 asked the room: “%2”</source>
        <translation>%1 ha preguntado a la sala: «%2»</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Unknown — you have not shared availability.</source>
        <translation>No se sabe: no has compartido tu disponibilidad.</translation>
    </message>
    <message>
        <source>Unknown — %1 has not shared availability.</source>
        <translation>No se sabe: %1 no ha compartido su disponibilidad.</translation>
    </message>
    <message>
        <source>No — you are busy then.</source>
        <translation>No: estás ocupado a esa hora.</translation>
    </message>
    <message>
        <source>No — %1 is busy then.</source>
        <translation>No: %1 está ocupado a esa hora.</translation>
    </message>
    <message>
        <source>No — you are out of office then.</source>
        <translation>No: estás fuera de la oficina a esa hora.</translation>
    </message>
    <message>
        <source>No — %1 is out of office then.</source>
        <translation>No: %1 está fuera de la oficina a esa hora.</translation>
    </message>
    <message>
        <source>No — that is outside your working hours.</source>
        <translation>No: es fuera de tu horario laboral.</translation>
    </message>
    <message>
        <source>No — that is outside %1&apos;s working hours.</source>
        <translation>No: es fuera del horario laboral de %1.</translation>
    </message>
    <message>
        <source>Maybe — you have something tentative then.</source>
        <translation>Quizá: tienes algo provisional a esa hora.</translation>
    </message>
    <message>
        <source>Maybe — %1 has something tentative then.</source>
        <translation>Quizá: %1 tiene algo provisional a esa hora.</translation>
    </message>
    <message>
        <source>Yes — you are free then.</source>
        <translation>Sí: estás libre a esa hora.</translation>
    </message>
    <message>
        <source>Yes — %1 is free then.</source>
        <translation>Sí: %1 está libre a esa hora.</translation>
    </message>
    <message>
        <source>Free times for %1 (%2 min), in your time zone:</source>
        <translation>Huecos libres para %1 (%2 min), en tu zona horaria:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No time fits: the window is too short or already over.</source>
        <translation>Ninguna hora encaja: el intervalo es demasiado corto o ya ha pasado.</translation>
    </message>
    <message>
        <source>No time fits: %1 has no free time in this window.</source>
        <translation>Ninguna hora encaja: %1 no tiene tiempo libre en este intervalo.</translation>
    </message>
    <message>
        <source>No time fits: the working hours of %1 never overlap in this window.</source>
        <translation>Ninguna hora encaja: los horarios laborales de %1 no coinciden nunca en este intervalo.</translation>
    </message>
    <message>
        <source>No time fits: someone among %1 is always busy when the others are free.</source>
        <translation>Ninguna hora encaja: alguien de entre %1 siempre está ocupado cuando los demás están libres.</translation>
    </message>
    <message>
        <source>Closest: %1 (%2).</source>
        <translation>Lo más cercano: %1 (%2).</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 horas</translation>
    </message>
    <message>
        <source>Your availability is from %1 ago.</source>
        <translation>Tu disponibilidad es de hace %1.</translation>
    </message>
    <message>
        <source>%1&apos;s availability is from %2 ago.</source>
        <translation>La disponibilidad de %1 es de hace %2.</translation>
    </message>
    <message>
        <source>You have not shared availability.</source>
        <translation>No has compartido tu disponibilidad.</translation>
    </message>
    <message>
        <source>%1 has not shared availability.</source>
        <translation>%1 no ha compartido su disponibilidad.</translation>
    </message>
    <message>
        <source>Add to calendar?</source>
        <translation>¿Añadir al calendario?</translation>
    </message>
    <message>
        <source>The date you wrote can be read two ways.</source>
        <translation>La fecha que escribiste se puede leer de dos maneras.</translation>
    </message>
    <message>
        <source>Use %1 instead</source>
        <translation>Usar el %1</translation>
    </message>
</context>
<context>
    <name>kairos::ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Keep server version</source>
        <translation>Conservar la versión del servidor</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>There are no sync conflicts.</source>
        <translation>No hay conflictos de sincronización.</translation>
    </message>
    <message>
        <source>This event was deleted on the server since you loaded it. Your edit was kept aside and was not sent.</source>
        <translation>Este evento se ha eliminado en el servidor después de que lo cargaras. Tu cambio se ha guardado aparte y no se ha enviado.</translation>
    </message>
    <message>
        <source>This event was changed on the server since you loaded it. Your edit was kept aside; the server&apos;s version is shown.</source>
        <translation>Este evento ha cambiado en el servidor después de que lo cargaras. Tu cambio se ha guardado aparte; se muestra la versión del servidor.</translation>
    </message>
    <message>
        <source>Server&apos;s version: “%1”, %2</source>
        <translation>Versión del servidor: «%1», %2</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Ubicación: %1</translation>
    </message>
    <message>
        <source>Your edit: “%1”, %2</source>
        <translation>Tu cambio: «%1», %2</translation>
    </message>
    <message>
        <source>The server refused your edit of this event. Your edit was kept aside; the server&apos;s version is shown.</source>
        <translation>El servidor ha rechazado tu cambio en este evento. Tu cambio se ha guardado aparte; se muestra la versión del servidor.</translation>
    </message>
    <message>
        <source>Reapply my edit</source>
        <translation>Volver a aplicar mi cambio</translation>
    </message>
    <message>
        <source>Send your edit again, on top of the server&apos;s version shown here</source>
        <translation>Enviar de nuevo tu cambio, sobre la versión del servidor que se muestra aquí</translation>
    </message>
    <message>
        <source>Could not reapply your edit</source>
        <translation>No se ha podido volver a aplicar tu cambio</translation>
    </message>
    <message>
        <source>You deleted it.</source>
        <translation>Lo has eliminado.</translation>
    </message>
</context>
<context>
    <name>kairos::EventDialog</name>
    <message>
        <source>New event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Editar evento</translation>
    </message>
    <message>
        <source>Add a title</source>
        <translation>Añade un título</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Todo el día</translation>
    </message>
    <message>
        <source>Times are in %1 (the event&apos;s time zone).</source>
        <translation>Las horas están en %1 (la zona horaria del evento).</translation>
    </message>
    <message>
        <source>Add a location</source>
        <translation>Añade una ubicación</translation>
    </message>
    <message>
        <source>Add a description</source>
        <translation>Añade una descripción</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Add to Apple Calendar…</source>
        <translation>Añadir a Apple Calendar…</translation>
    </message>
    <message>
        <source>Download .ics: saves this event as an invitation file. Opening the file in Apple Calendar (or Outlook, or Google Calendar) adds the event, and opening a newer file later updates it instead of adding a second copy.</source>
        <translation>Descargar .ics: guarda este evento como archivo de invitación. Al abrir el archivo en Apple Calendar (o en Outlook o Google Calendar) se añade el evento, y si más adelante abres un archivo más reciente, se actualiza en lugar de añadirse una segunda copia.</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>%1 does not exist on %2 in %3 (clocks go forward); the event will start at %4.</source>
        <translation>La hora %1 no existe el %2 en %3 (se adelantan los relojes); el evento empezará a las %4.</translation>
    </message>
    <message>
        <source>%1 does not exist on %2 in %3 (clocks go forward); the event will end at %4.</source>
        <translation>La hora %1 no existe el %2 en %3 (se adelantan los relojes); el evento terminará a las %4.</translation>
    </message>
    <message>
        <source>%1 happens twice on %2 in %3 (clocks go back). Which one?</source>
        <translation>La hora %1 se repite el %2 en %3 (se atrasan los relojes). ¿Cuál quieres?</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>first %1 (%2)</source>
        <translation>%1 la primera vez (%2)</translation>
    </message>
    <message>
        <source>second %1 (%2)</source>
        <translation>%1 la segunda vez (%2)</translation>
    </message>
    <message>
        <source>The event ends before it starts: pick an end date on or after the start.</source>
        <translation>El evento termina antes de empezar: elige una fecha de fin igual o posterior a la de inicio.</translation>
    </message>
    <message>
        <source>Enter a valid start and end.</source>
        <translation>Introduce un inicio y un fin válidos.</translation>
    </message>
    <message>
        <source>The event ends before it starts: pick an end after the start.</source>
        <translation>El evento termina antes de empezar: elige un fin posterior al inicio.</translation>
    </message>
    <message>
        <source>There is no calendar you can write to.</source>
        <translation>No hay ningún calendario en el que puedas escribir.</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Eliminar evento</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>¿Quieres eliminar «%1»? No se puede deshacer.</translation>
    </message>
    <message>
        <source>E-mail addresses, separated by commas</source>
        <translation>Direcciones de correo electrónico, separadas por comas</translation>
    </message>
    <message>
        <source>Send invitations</source>
        <translation>Enviar invitaciones</translation>
    </message>
    <message>
        <source>E-mail the attendees about this change (Google Calendar)</source>
        <translation>Avisa por correo electrónico a los asistentes de este cambio (Google Calendar)</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Asistentes</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>«%1» no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>Out of office</source>
        <translation>Fuera de la oficina</translation>
    </message>
    <message>
        <source>Google Calendar sets out of office itself: set it there, and Kairos shows it after the next sync.</source>
        <translation>Google Calendar marca «fuera de la oficina» por su cuenta: márcalo allí y Kairos lo mostrará tras la siguiente sincronización.</translation>
    </message>
    <message>
        <source>Your team sees this time as out of office, not just busy.</source>
        <translation>Tu equipo verá este tiempo como «fuera de la oficina», no solo como ocupado.</translation>
    </message>
    <message>
        <source>At the start</source>
        <translation>Al empezar</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) before</source>
        <translation>
            <numerusform>%n semana antes</numerusform>
            <numerusform>%n semanas antes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) before</source>
        <translation>
            <numerusform>%n día antes</numerusform>
            <numerusform>%n días antes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) before</source>
        <translation>
            <numerusform>%n hora antes</numerusform>
            <numerusform>%n horas antes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minuto antes</numerusform>
            <numerusform>%n minutos antes</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar&apos;s default</source>
        <translation>El predeterminado del calendario</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (y %n más)</numerusform>
            <numerusform>%1 (y %n más)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
</context>
<context>
    <name>kairos::ExportDialog</name>
    <message>
        <source>Export calendar</source>
        <translation>Exportar calendario</translation>
    </message>
    <message>
        <source>A whole calendar</source>
        <translation>Un calendario completo</translation>
    </message>
    <message>
        <source>Events in a date range</source>
        <translation>Eventos de un intervalo de fechas</translation>
    </message>
    <message>
        <source>All calendars</source>
        <translation>Todos los calendarios</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
</context>
<context>
    <name>kairos::FindTimeController</name>
    <message>
        <source>&amp;Find a Time…</source>
        <translation>&amp;Buscar una hora…</translation>
    </message>
    <message>
        <source>Find a time that suits the room&apos;s members</source>
        <translation>Buscar una hora que les venga bien a los miembros de la sala</translation>
    </message>
    <message>
        <source>Book a meeting</source>
        <translation>Reservar una reunión</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
</context>
<context>
    <name>kairos::FindTimeDialog</name>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (opcional)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>weekday and date, then time: Mon 8 Dec 16:00</comment>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 busy</source>
        <translation>%1 ocupado</translation>
    </message>
    <message>
        <source>%1 out of office</source>
        <translation>%1 fuera de la oficina</translation>
    </message>
    <message>
        <source>%1 tentative</source>
        <translation>%1 provisional</translation>
    </message>
    <message>
        <source>everyone else free</source>
        <translation>todos los demás libres</translation>
    </message>
    <message>
        <source>everyone free</source>
        <translation>todos libres</translation>
    </message>
    <message>
        <source>inside everyone&apos;s working hours</source>
        <translation>dentro del horario laboral de todos</translation>
    </message>
    <message>
        <source>%1 for %2 in %3, outside working hours</source>
        <translation>las %1 para %2 en %3, fuera de su horario laboral</translation>
    </message>
    <message>
        <source>%1 for %2 in %3</source>
        <translation>las %1 para %2 en %3</translation>
    </message>
    <message>
        <source>%1&apos;s availability unknown</source>
        <translation>disponibilidad de %1 desconocida</translation>
    </message>
    <message>
        <source>availability unknown for %1</source>
        <translation>disponibilidad desconocida de %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a reason</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>The chosen time span is shorter than the meeting.</source>
        <translation>El intervalo elegido es más corto que la reunión.</translation>
    </message>
    <message>
        <source>%1 has no working hours %2</source>
        <translation>%1 no tiene horario laboral %2</translation>
    </message>
    <message>
        <source>%1 is out of office all of %2</source>
        <translation>%1 está fuera de la oficina todo el intervalo (%2)</translation>
    </message>
    <message>
        <source>%1 has no free time inside working hours %2</source>
        <translation>%1 no tiene tiempo libre dentro de su horario laboral %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>No hour %1 when %2 and %3 are both inside working hours</source>
        <translation>No hay ninguna hora %1 en que %2 y %3 estén los dos en horario laboral</translation>
    </message>
    <message>
        <source>No hour %1 when %2 are all inside working hours</source>
        <translation>No hay ninguna hora %1 en que %2 estén todos en horario laboral</translation>
    </message>
    <message>
        <source>No free time %1 for %2</source>
        <translation>No hay tiempo libre %1 para %2</translation>
    </message>
    <message>
        <source>No hour %1 when %2 and %3 are both free inside working hours</source>
        <translation>No hay ninguna hora %1 en que %2 y %3 estén los dos libres en horario laboral</translation>
    </message>
    <message>
        <source>No hour %1 when %2 are all free inside working hours</source>
        <translation>No hay ninguna hora %1 en que %2 estén todos libres en horario laboral</translation>
    </message>
    <message>
        <source>%1; nearest: %2 (%3)</source>
        <translation>%1; lo más cercano: %2 (%3)</translation>
    </message>
    <message>
        <source>%1 has not shared availability</source>
        <translation>%1 no ha compartido su disponibilidad</translation>
    </message>
    <message numerus="yes">
        <source>availability from %n day(s) ago</source>
        <translation>
            <numerusform>disponibilidad de hace %n día</numerusform>
            <numerusform>disponibilidad de hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>availability from %n hour(s) ago</source>
        <translation>
            <numerusform>disponibilidad de hace %n hora</numerusform>
            <numerusform>disponibilidad de hace %n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>Find a time</source>
        <translation>Buscar una hora</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>cada %n minuto</numerusform>
            <numerusform>cada %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>starting</source>
        <translation>empezando</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>La semana que viene</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Intervalo personalizado</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilidad</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Horas en %1</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>Reservar…</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (tú)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoria</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Not invited</source>
        <translation>No invitado</translation>
    </message>
    <message>
        <source>Attendance of %1</source>
        <translation>Asistencia de %1</translation>
    </message>
    <message>
        <source>shared (%1)</source>
        <translation>compartida (%1)</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>esta semana</translation>
    </message>
    <message>
        <source>next week</source>
        <translation>la semana que viene</translation>
    </message>
    <message>
        <source>in this range</source>
        <translation>en este intervalo</translation>
    </message>
    <message>
        <source>Choose who the meeting is for.</source>
        <translation>Elige para quién es la reunión.</translation>
    </message>
    <message>
        <source>No times could be computed: %1</source>
        <translation>No se han podido calcular las horas: %1</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>slot start and end time</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Can attend: %1</source>
        <translation>Pueden asistir: %1</translation>
    </message>
</context>
<context>
    <name>kairos::FreeBusyDialog</name>
    <message>
        <source>Export free/busy</source>
        <translation>Exportar disponibilidad</translation>
    </message>
    <message>
        <source>Writes when you are busy, without titles or details, for people outside your team.</source>
        <translation>Guarda tus horas ocupadas, sin títulos ni detalles, para personas ajenas a tu equipo.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
</context>
<context>
    <name>kairos::GroupAvailabilityOverlay</name>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>%1, outside working hours</source>
        <translation>%1, fuera del horario laboral</translation>
    </message>
    <message>
        <source>%1 — %2 in %3: %4</source>
        <translation>%1 — las %2 en %3: %4</translation>
    </message>
    <message>
        <source>%1 of %2 busy</source>
        <translation>%1 de %2 ocupados</translation>
    </message>
</context>
<context>
    <name>kairos::GroupLegend</name>
    <message>
        <source>Show the team&apos;s availability</source>
        <translation>Mostrar la disponibilidad del equipo</translation>
    </message>
    <message>
        <source>One lane per member</source>
        <translation>Una columna por miembro</translation>
    </message>
    <message>
        <source>How many are busy</source>
        <translation>Cuántos están ocupados</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (tú)</translation>
    </message>
    <message>
        <source>Darker: more people busy. Hatched: outside someone&apos;s working hours.</source>
        <translation>Más oscuro: más gente ocupada. Rayado: fuera del horario laboral de alguien.</translation>
    </message>
    <message>
        <source>Striped: tentative · dark: out of office · hatched: outside working hours</source>
        <translation>A rayas: provisional · oscuro: fuera de la oficina · rayado: fuera del horario laboral</translation>
    </message>
</context>
<context>
    <name>kairos::IcsController</name>
    <message>
        <source>Import calendar file</source>
        <translation>Importar archivo de calendario</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>Archivos iCalendar (*.ics);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>Ya hay una importación en curso.</translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <translation>Leyendo «%1»…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>No se ha podido abrir «%1».</translation>
    </message>
    <message>
        <source>“%1” is not a calendar file (.ics): it holds no calendar data.</source>
        <translation>«%1» no es un archivo de calendario (.ics): no contiene datos de calendario.</translation>
    </message>
    <message>
        <source>There is no calendar you can add events to.</source>
        <translation>No hay ningún calendario al que puedas añadir eventos.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se ha importado nada: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported “%1”: %n new event(s)</source>
        <translation>
            <numerusform>Se ha importado «%1»: %n evento nuevo</numerusform>
            <numerusform>Se ha importado «%1»: %n eventos nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Archivos iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Could not save the file</source>
        <translation>No se ha podido guardar el archivo</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>No se ha podido escribir «%1»: %2</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>calendario</translation>
    </message>
    <message>
        <source>calendar %1 to %2</source>
        <translation>calendario %1 a %2</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Exportar calendario</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to “%1”</source>
        <translation>
            <numerusform>Se ha exportado %n evento a «%1»</numerusform>
            <numerusform>Se han exportado %n eventos a «%1»</numerusform>
        </translation>
    </message>
    <message>
        <source>Export free/busy</source>
        <translation>Exportar disponibilidad</translation>
    </message>
    <message>
        <source>free-busy %1</source>
        <translation>disponibilidad %1</translation>
    </message>
    <message>
        <source>free-busy</source>
        <translation>disponibilidad</translation>
    </message>
    <message>
        <source>Free/busy saved to “%1”</source>
        <translation>Disponibilidad guardada en «%1»</translation>
    </message>
    <message>
        <source>Download .ics</source>
        <translation>Descargar .ics</translation>
    </message>
    <message>
        <source>event</source>
        <translation>evento</translation>
    </message>
    <message>
        <source>Saved “%1”. Open it in Apple Calendar, Outlook or Google Calendar to add the event.</source>
        <translation>Se ha guardado «%1». Ábrelo en Apple Calendar, Outlook o Google Calendar para añadir el evento.</translation>
    </message>
    <message>
        <source>“%1” is up to date</source>
        <translation>«%1» está al día</translation>
    </message>
    <message>
        <source>Could not refresh “%1”: %2</source>
        <translation>No se ha podido actualizar «%1»: %2</translation>
    </message>
    <message>
        <source>the address is not a webcal:// or https:// link</source>
        <translation>la dirección no es un enlace webcal:// ni https://</translation>
    </message>
    <message>
        <source>the address does not lead to a calendar file</source>
        <translation>la dirección no lleva a un archivo de calendario</translation>
    </message>
    <message>
        <source>the server has a problem; Kairos will try again later</source>
        <translation>el servidor tiene un problema; Kairos lo volverá a intentar más tarde</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>el servidor no ha respondido a tiempo</translation>
    </message>
    <message>
        <source>the calendar is no longer at that address</source>
        <translation>el calendario ya no está en esa dirección</translation>
    </message>
    <message>
        <source>the server does not let Kairos read this calendar</source>
        <translation>el servidor no permite que Kairos lea este calendario</translation>
    </message>
    <message>
        <source>the server could not be reached; check your connection</source>
        <translation>no se ha podido contactar con el servidor; comprueba tu conexión</translation>
    </message>
    <message>
        <source>the server answered with an error</source>
        <translation>el servidor ha respondido con un error</translation>
    </message>
    <message>
        <source>Subscribe to calendar</source>
        <translation>Suscribirse a un calendario</translation>
    </message>
    <message>
        <source>Subscribed to “%1”; loading its events…</source>
        <translation>Te has suscrito a «%1»; cargando sus eventos…</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Cancelar suscripción</translation>
    </message>
    <message>
        <source>Unsubscribe from “%1”? Its events are removed from Kairos.</source>
        <translation>¿Quieres cancelar la suscripción a «%1»? Sus eventos se quitarán de Kairos.</translation>
    </message>
    <message>
        <source>Unsubscribed from “%1”</source>
        <translation>Has cancelado la suscripción a «%1»</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Import cancelled. The calendar is unchanged.</source>
        <translation>Importación cancelada. El calendario no ha cambiado.</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>Importando «%1»…</translation>
    </message>
    <message>
        <source>Saving the events…</source>
        <translation>Guardando los eventos…</translation>
    </message>
    <message>
        <source>Subscribed to “%1” over http://: anyone on the way can change its events. Use https:// if the site offers it.</source>
        <translation>Suscrito a «%1» por http://: cualquiera en el camino puede cambiar sus eventos. Usa https:// si el sitio lo ofrece.</translation>
    </message>
</context>
<context>
    <name>kairos::IcsDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>the entry could not be read</source>
        <translation>no se ha podido leer la entrada</translation>
    </message>
    <message>
        <source>the event has no valid start time</source>
        <translation>el evento no tiene una hora de inicio válida</translation>
    </message>
    <message>
        <source>the event ends before it starts</source>
        <translation>el evento termina antes de empezar</translation>
    </message>
    <message>
        <source>the entry is cut off (BEGIN without END)</source>
        <translation>la entrada está cortada (BEGIN sin END)</translation>
    </message>
    <message>
        <source>not an event (tasks and journal entries are not imported)</source>
        <translation>no es un evento (las tareas y las entradas de diario no se importan)</translation>
    </message>
    <message>
        <source>the calendar already has a newer version of this event</source>
        <translation>el calendario ya tiene una versión más reciente de este evento</translation>
    </message>
    <message>
        <source>the event had no identifier; one was made from its contents</source>
        <translation>el evento no tenía identificador; se ha creado uno a partir de su contenido</translation>
    </message>
    <message>
        <source>a Windows time-zone name was converted to its standard name</source>
        <translation>se ha convertido un nombre de zona horaria de Windows a su nombre estándar</translation>
    </message>
    <message>
        <source>unknown time zone: the times were read as UTC</source>
        <translation>zona horaria desconocida: las horas se han leído como UTC</translation>
    </message>
    <message>
        <source>a time zone defined only in the file: the times were converted to UTC</source>
        <translation>zona horaria definida solo en el archivo: las horas se han convertido a UTC</translation>
    </message>
    <message>
        <source>the file does not describe its time zone; the standard zone of that name was used</source>
        <translation>el archivo no describe su zona horaria; se ha usado la zona estándar con ese nombre</translation>
    </message>
    <message>
        <source>the times had no time zone and were read in yours</source>
        <translation>las horas no tenían zona horaria y se han leído en la tuya</translation>
    </message>
    <message>
        <source>a badly wrapped line was joined</source>
        <translation>se ha unido una línea mal partida</translation>
    </message>
    <message>
        <source>an all-day event without a valid end was given one day</source>
        <translation>a un evento de todo el día sin un fin válido se le ha asignado un día</translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation>problema desconocido</translation>
    </message>
    <message>
        <source>Import calendar file</source>
        <translation>Importar archivo de calendario</translation>
    </message>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>%n importado</numerusform>
            <numerusform>%n importados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n actualizado</numerusform>
            <numerusform>%n actualizados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n sin cambios</numerusform>
            <numerusform>%n sin cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n omitido</numerusform>
            <numerusform>%n omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events in “%1”: %n.</source>
        <translation>
            <numerusform>Eventos en «%1»: %n.</numerusform>
            <numerusform>Eventos en «%1»: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entries that cannot be imported: %n (the report lists them).</source>
        <translation>
            <numerusform>Elementos que no se pueden importar: %n (el informe los enumera).</numerusform>
            <numerusform>Elementos que no se pueden importar: %n (el informe los enumera).</numerusform>
        </translation>
    </message>
    <message>
        <source>it could not be added to this Google or Outlook calendar (%1)</source>
        <translation>no se pudo añadir a este calendario de Google u Outlook (%1)</translation>
    </message>
    <message>
        <source>a value that could not be read was left out (%1)</source>
        <translation>se omitió un valor que no se pudo leer (%1)</translation>
    </message>
    <message>
        <source>the file has this event more than once; the newest version was kept (%1)</source>
        <translation>el archivo tiene este evento más de una vez; se conservó la versión más reciente (%1)</translation>
    </message>
</context>
<context>
    <name>kairos::ImportReportDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>No importados:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>kairos::ImportTargetDialog</name>
    <message>
        <source>Import into</source>
        <translation>Importar en</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Calendars of Google or Outlook accounts that are not connected are not listed: reconnect the account in Settings → Accounts to import into them.</source>
        <translation>Los calendarios de cuentas de Google u Outlook que no están conectadas no aparecen: vuelve a conectar la cuenta en Ajustes → Cuentas para importar en ellos.</translation>
    </message>
    <message numerus="yes">
        <source>Keep the %n attendee(s) listed in the file: Outlook will invite them by e-mail and Google adds the event to their calendars. Otherwise they are kept in the description.</source>
        <translation>
            <numerusform>Conservar el asistente que indica el archivo: Outlook lo invitará por correo y Google añade el evento a su calendario. Si no, se guarda en la descripción.</numerusform>
            <numerusform>Conservar los %n asistentes que indica el archivo: Outlook los invitará por correo y Google añade el evento a sus calendarios. Si no, se guardan en la descripción.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kairos::MainWindow</name>
    <message>
        <source>Kairos</source>
        <translation>Kairos</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>&amp;New Event…</source>
        <translation>&amp;Nuevo evento…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Cuentas…</translation>
    </message>
    <message>
        <source>Settings → Accounts: connect Google Calendar or Outlook</source>
        <translation>Ajustes → Cuentas: conecta Google Calendar u Outlook</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Import events from an .ics file</source>
        <translation>Importa eventos de un archivo .ics</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save a calendar or a date range as an .ics file</source>
        <translation>Guarda un calendario o un intervalo de fechas como archivo .ics</translation>
    </message>
    <message>
        <source>Export &amp;Free/Busy…</source>
        <translation>Exportar &amp;disponibilidad…</translation>
    </message>
    <message>
        <source>Save when you are busy, without details, as an .ics file</source>
        <translation>Guarda tus horas ocupadas, sin detalles, como archivo .ics</translation>
    </message>
    <message>
        <source>Show a published calendar (webcal:// or https://)</source>
        <translation>Muestra un calendario publicado (webcal:// o https://)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Go to today (T)</source>
        <translation>Ir a hoy (T)</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Anterior</translation>
    </message>
    <message>
        <source>Previous (←, Page Up)</source>
        <translation>Anterior (←, Page Up)</translation>
    </message>
    <message>
        <source>N&amp;ext</source>
        <translation>Si&amp;guiente</translation>
    </message>
    <message>
        <source>Next (→, Page Down)</source>
        <translation>Siguiente (→, Page Down)</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Día</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semana</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mes</translation>
    </message>
    <message>
        <source>&amp;Delete Event</source>
        <translation>&amp;Eliminar evento</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>Calendarios</translation>
    </message>
    <message>
        <source>Could not change the calendar</source>
        <translation>No se ha podido cambiar el calendario</translation>
    </message>
    <message>
        <source>Subscribed, read-only: %1
Right-click to unsubscribe</source>
        <translation>Suscrito, de solo lectura: %1
Haz clic derecho para cancelar la suscripción</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>month year</comment>
        <translation>%1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open the event</source>
        <translation>No se ha podido abrir el evento</translation>
    </message>
    <message>
        <source>Could not save the event</source>
        <translation>No se ha podido guardar el evento</translation>
    </message>
    <message>
        <source>Event saved</source>
        <translation>Evento guardado</translation>
    </message>
    <message>
        <source>Could not delete the event</source>
        <translation>No se ha podido eliminar el evento</translation>
    </message>
    <message>
        <source>Event deleted</source>
        <translation>Evento eliminado</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Eliminar evento</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>¿Quieres eliminar «%1»? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Refresh Now</source>
        <translation>Actualizar ahora</translation>
    </message>
    <message>
        <source>Unsubscribe…</source>
        <translation>Cancelar suscripción…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Could not move the event</source>
        <translation>No se ha podido mover el evento</translation>
    </message>
    <message>
        <source>Event moved</source>
        <translation>Evento movido</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>Si&amp;ncronizar ahora</translation>
    </message>
    <message>
        <source>Sync the connected accounts&apos; calendars now</source>
        <translation>Sincroniza ahora los calendarios de las cuentas conectadas</translation>
    </message>
    <message>
        <source>An event was changed on the server since you loaded it; your edit was kept aside. See View → Sync Conflicts…</source>
        <translation>Un evento ha cambiado en el servidor después de que lo cargaras; tu cambio se ha guardado aparte. Consulta Ver → Conflictos de sincronización…</translation>
    </message>
    <message>
        <source>Edit recurring event</source>
        <translation>Editar evento periódico</translation>
    </message>
    <message>
        <source>“%1” repeats. Change only this occurrence, or every event in the series?</source>
        <translation>«%1» se repite. ¿Quieres cambiar solo esta vez o todos los eventos de la serie?</translation>
    </message>
    <message>
        <source>This event</source>
        <translation>Este evento</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún no se ha sincronizado</translation>
    </message>
    <message>
        <source>This calendar is read-only.</source>
        <translation>Este calendario es de solo lectura.</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>El evento ya no existe.</translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation>El evento termina antes de empezar.</translation>
    </message>
    <message>
        <source>The calendar database could not be written. Check that the disk is not full.</source>
        <translation>No se ha podido escribir en la base de datos del calendario. Comprueba que el disco no esté lleno.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Algo ha salido mal (%1).</translation>
    </message>
    <message>
        <source>Sync Co&amp;nflicts…</source>
        <translation>Co&amp;nflictos de sincronización…</translation>
    </message>
    <message>
        <source>Subscri&amp;be to Calendar…</source>
        <translation>Su&amp;scribirse a un calendario…</translation>
    </message>
    <message>
        <source>Counts for your availability: its events make you busy for others</source>
        <translation>Cuenta para tu disponibilidad: sus eventos te muestran ocupado a los demás</translation>
    </message>
    <message>
        <source>Does not count for your availability: others see you free during its events</source>
        <translation>No cuenta para tu disponibilidad: los demás te ven libre durante sus eventos</translation>
    </message>
    <message>
        <source>Right-click to change</source>
        <translation>Haz clic derecho para cambiarlo</translation>
    </message>
    <message>
        <source>Counts for My Availability</source>
        <translation>Cuenta para mi disponibilidad</translation>
    </message>
    <message>
        <source>When on, this calendar&apos;s events make you busy in free/busy and meeting suggestions</source>
        <translation>Si está activado, los eventos de este calendario te marcan como ocupado en la disponibilidad y en las sugerencias de reunión</translation>
    </message>
    <message>
        <source>“%1” repeats more often than hourly; only its first occurrence is shown.</source>
        <translation>«%1» se repite más de una vez por hora; solo se muestra su primera aparición.</translation>
    </message>
    <message>
        <source>“%1” repeats too often to show every occurrence; some are missing.</source>
        <translation>«%1» se repite demasiadas veces para mostrar todas sus apariciones; faltan algunas.</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Calendar &amp;&amp; reminders</source>
        <translation>Calendario y recordatorios</translation>
    </message>
</context>
<context>
    <name>kairos::MonthView</name>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n más</numerusform>
            <numerusform>+%n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kairos::ProposalCard</name>
    <message>
        <source>meeting</source>
        <translation>reunión</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (opcional)</translation>
    </message>
    <message>
        <source>Proposed by %1 in the team room.</source>
        <translation>Propuesta por %1 en la sala del equipo.</translation>
    </message>
    <message>
        <source>Proposed by %1 in the team room. Attendees: %2.</source>
        <translation>Propuesta por %1 en la sala del equipo. Asistentes: %2.</translation>
    </message>
    <message>
        <source>Download .ics</source>
        <translation>Descargar .ics</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Archivos iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>No se ha podido escribir «%1»: %2</translation>
    </message>
    <message>
        <source>Saved “%1”. Open it in Apple Calendar, Outlook or Google Calendar to add the meeting.</source>
        <translation>Se ha guardado «%1». Ábrelo en Apple Calendar, Outlook o Google Calendar para añadir la reunión.</translation>
    </message>
    <message>
        <source>Meeting proposal</source>
        <translation>Propuesta de reunión</translation>
    </message>
    <message>
        <source>Add to my calendar</source>
        <translation>Añadir a mi calendario</translation>
    </message>
    <message>
        <source>An invitation file for Apple Calendar, Outlook and others</source>
        <translation>Un archivo de invitación para Apple Calendar, Outlook y otros</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>%1, %2 – %3, %4</source>
        <translation>%1, %2 – %3, %4</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>%1 for %2 (%3)</source>
        <translation>%1 para %2 (%3)</translation>
    </message>
    <message>
        <source>Organiser: %1</source>
        <translation>Organiza: %1</translation>
    </message>
    <message>
        <source>Attendees: none named</source>
        <translation>Asistentes: nadie en concreto</translation>
    </message>
    <message>
        <source>Attendees: %1</source>
        <translation>Asistentes: %1</translation>
    </message>
    <message>
        <source>Meeting proposal: %1</source>
        <translation>Propuesta de reunión: %1</translation>
    </message>
    <message>
        <source>The meeting could not be added: %1</source>
        <translation>No se ha podido añadir la reunión: %1</translation>
    </message>
    <message>
        <source>Already in your calendar (%1).</source>
        <translation>Ya está en tu calendario (%1).</translation>
    </message>
    <message>
        <source>Added to %1.</source>
        <translation>Añadida a %1.</translation>
    </message>
</context>
<context>
    <name>kairos::ReconnectBanner</name>
    <message>
        <source>Reconnect</source>
        <translation>Volver a conectar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Hide this message until the account&apos;s status changes</source>
        <translation>Oculta este mensaje hasta que cambie el estado de la cuenta</translation>
    </message>
    <message>
        <source>No keychain service answered (%1), so Kairos cannot read or save your sign-ins. Start GNOME Keyring, KWallet or another Secret Service and restart Kairos.</source>
        <translation>Ningún servicio de llavero ha respondido (%1), así que Kairos no puede leer ni guardar tus inicios de sesión. Inicia GNOME Keyring, KWallet u otro servicio Secret Service y reinicia Kairos.</translation>
    </message>
    <message>
        <source>Your %1 account %2 needs to be reconnected.</source>
        <translation>Tienes que volver a conectar tu cuenta de %1 %2.</translation>
    </message>
    <message>
        <source>Your %1 account %2 needs to be reconnected: %3</source>
        <translation>Tienes que volver a conectar tu cuenta de %1 %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>(%n more account(s) too)</source>
        <translation>
            <numerusform>(y %n cuenta más)</numerusform>
            <numerusform>(y %n cuentas más)</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the browser…</source>
        <translation>Esperando al navegador…</translation>
    </message>
</context>
<context>
    <name>kairos::RemindersController</name>
    <message>
        <source>&amp;Reminders…</source>
        <translation>&amp;Recordatorios…</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>Dentro de %n día</numerusform>
            <numerusform>Dentro de %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminado</translation>
    </message>
    <message numerus="yes">
        <source>Starts in %n minute(s)</source>
        <translation>
            <numerusform>Empieza en %n minuto</numerusform>
            <numerusform>Empieza en %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starts in %n hour(s)</source>
        <translation>
            <numerusform>Empieza en %n hora</numerusform>
            <numerusform>Empieza en %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starts in %n day(s)</source>
        <translation>
            <numerusform>Empieza en %n día</numerusform>
            <numerusform>Empieza en %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting now</source>
        <translation>Empieza ahora</translation>
    </message>
    <message numerus="yes">
        <source>Started %n minute(s) ago</source>
        <translation>
            <numerusform>Empezó hace %n minuto</numerusform>
            <numerusform>Empezó hace %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>Missed reminder: %1</source>
        <translation>Recordatorio perdido: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>Posponer %n min</numerusform>
            <numerusform>Posponer %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>kairos::RemindersWindow</name>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>No reminders right now.</source>
        <translation>No hay recordatorios ahora.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>&amp;Posponer</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Dismiss &amp;All</source>
        <translation>Descartar &amp;todos</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>Missed — %1</source>
        <translation>Perdido — %1</translation>
    </message>
    <message>
        <source>Kairos could not save what happened to this reminder; it may come back after a restart.

%1</source>
        <translation>Kairos no pudo guardar lo que pasó con este recordatorio; puede volver a aparecer al reiniciar.

%1</translation>
    </message>
</context>
<context>
    <name>kairos::RoomHostDialog</name>
    <message>
        <source>Host a Room on This Computer</source>
        <translation>Alojar una sala en este ordenador</translation>
    </message>
    <message>
        <source>&lt;b&gt;Anyone on this network who has the invite link can join the room and read its history.&lt;/b&gt; Without a TLS certificate, messages travel unencrypted. Only do this on a network you trust, and keep Kairos running while others use the room.</source>
        <translation>&lt;b&gt;Cualquier persona de esta red que tenga el enlace de invitación puede unirse a la sala y leer su historial.&lt;/b&gt; Sin un certificado TLS, los mensajes viajan sin cifrar. Hazlo solo en una red de confianza y mantén Kairos abierto mientras otras personas usen la sala.</translation>
    </message>
    <message>
        <source>Optional — PEM file</source>
        <translation>Opcional: archivo PEM</translation>
    </message>
    <message>
        <source>Network address:</source>
        <translation>Dirección de red:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation>Certificado TLS:</translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation>Clave privada TLS:</translation>
    </message>
    <message>
        <source>This computer has no network address other than its own.</source>
        <translation>Este ordenador no tiene ninguna dirección de red aparte de la suya propia.</translation>
    </message>
    <message>
        <source>Open to the Network</source>
        <translation>Abrir a la red</translation>
    </message>
    <message>
        <source>Give both the certificate and its private key, or neither.</source>
        <translation>Indica el certificado y su clave privada, o ninguno de los dos.</translation>
    </message>
    <message>
        <source>The certificate or the key could not be read (PEM expected).</source>
        <translation>No se ha podido leer el certificado o la clave (se esperaba formato PEM).</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>Elige un archivo PEM</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key)</source>
        <translation>Archivos PEM (*.pem *.crt *.key)</translation>
    </message>
</context>
<context>
    <name>kairos::RoomJoinDialog</name>
    <message>
        <source>Join a Room</source>
        <translation>Unirse a una sala</translation>
    </message>
    <message>
        <source>Paste the invite link you were given. It looks like kairos://host:port/room?invite=KEY.</source>
        <translation>Pega el enlace de invitación que te han dado. Tiene este aspecto: kairos://host:port/room?invite=KEY.</translation>
    </message>
    <message>
        <source>Invite link:</source>
        <translation>Enlace de invitación:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Nombre visible:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>This is not a Kairos invite link.</source>
        <translation>No es un enlace de invitación de Kairos.</translation>
    </message>
    <message>
        <source>Choose a display name.</source>
        <translation>Elige un nombre visible.</translation>
    </message>
</context>
<context>
    <name>kairos::SearchDialog</name>
    <message>
        <source>Find events</source>
        <translation>Buscar eventos</translation>
    </message>
    <message>
        <source>Search titles, places, notes and people</source>
        <translation>Buscar en títulos, lugares, notas y personas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Type to search every calendar.</source>
        <translation>Escribe para buscar en todos los calendarios.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>La búsqueda falló: %1</translation>
    </message>
    <message>
        <source>%1, repeats</source>
        <translation>%1, se repite</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message numerus="yes">
        <source>The first %n events found; type more to narrow it down.</source>
        <translation>
            <numerusform>El primer evento encontrado; escribe más para acotar.</numerusform>
            <numerusform>Los primeros %n eventos encontrados; escribe más para acotar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>No se encontró nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) found</source>
        <translation>
            <numerusform>%n evento encontrado</numerusform>
            <numerusform>%n eventos encontrados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kairos::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Predeterminada del sistema (%1)</translation>
    </message>
    <message>
        <source>Events are shown in this time zone. Each event keeps the zone it was created in.</source>
        <translation>Los eventos se muestran en esta zona horaria. Cada evento conserva la zona en la que se creó.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>kairos::SharingBar</name>
    <message>
        <source>Sharing your availability (busy times only)</source>
        <translation>Compartiendo tu disponibilidad (solo las horas ocupadas)</translation>
    </message>
    <message>
        <source>Not sharing your availability in this room</source>
        <translation>No compartes tu disponibilidad en esta sala</translation>
    </message>
    <message>
        <source>Members of this room see when you are busy — never titles, places or attendees — and your working hours and time zone.</source>
        <translation>Los miembros de esta sala ven cuándo estás ocupado (nunca títulos, lugares ni asistentes), tu horario laboral y tu zona horaria.</translation>
    </message>
    <message>
        <source>Members of this room cannot see when you are free.</source>
        <translation>Los miembros de esta sala no pueden ver cuándo estás libre.</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Stop sharing your availability with this room</source>
        <translation>Dejar de compartir tu disponibilidad con esta sala</translation>
    </message>
    <message>
        <source>Share your availability with this room</source>
        <translation>Compartir tu disponibilidad con esta sala</translation>
    </message>
</context>
<context>
    <name>kairos::SubscribeDialog</name>
    <message>
        <source>Subscribe to calendar</source>
        <translation>Suscribirse a un calendario</translation>
    </message>
    <message>
        <source>webcal://example.com/holidays.ics</source>
        <translation>webcal://example.com/festivos.ics</translation>
    </message>
    <message>
        <source>Name in the calendar list</source>
        <translation>Nombre en la lista de calendarios</translation>
    </message>
    <message>
        <source>A subscribed calendar is read-only and is refreshed every 30 minutes.</source>
        <translation>Un calendario suscrito es de solo lectura y se actualiza cada 30 minutos.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Suscribirse</translation>
    </message>
</context>
<context>
    <name>kairos::SyncIndicator</name>
    <message>
        <source>Syncing %1…</source>
        <translation>Sincronizando %1…</translation>
    </message>
    <message>
        <source>Syncing %1… %2/%3</source>
        <translation>Sincronizando %1… %2/%3</translation>
    </message>
    <message>
        <source>You seem to be offline; Kairos will sync when the network is back.</source>
        <translation>Parece que no tienes conexión; Kairos sincronizará cuando vuelva la red.</translation>
    </message>
    <message>
        <source>The account needs to be reconnected.</source>
        <translation>Tienes que volver a conectar la cuenta.</translation>
    </message>
    <message>
        <source>The calendar service asked Kairos to slow down; it will retry shortly.</source>
        <translation>El servicio de calendario ha pedido a Kairos que vaya más despacio; volverá a intentarlo en breve.</translation>
    </message>
    <message>
        <source>The calendar service had a problem; Kairos will retry shortly.</source>
        <translation>El servicio de calendario ha tenido un problema; Kairos volverá a intentarlo en breve.</translation>
    </message>
    <message>
        <source>Kairos cannot read the account&apos;s sign-in from the keychain.</source>
        <translation>Kairos no puede leer del llavero el inicio de sesión de la cuenta.</translation>
    </message>
    <message>
        <source>Sync failed (%1); Kairos will retry shortly.</source>
        <translation>La sincronización ha fallado (%1); Kairos volverá a intentarlo en breve.</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Última sincronización: hace un momento</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>Última sincronización: hace %n min</numerusform>
            <numerusform>Última sincronización: hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n h ago</source>
        <translation>
            <numerusform>Última sincronización: hace %n h</numerusform>
            <numerusform>Última sincronización: hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced on %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún no se ha sincronizado</translation>
    </message>
</context>
<context>
    <name>kairos::TeamController</name>
    <message>
        <source>&amp;Team Availability</source>
        <translation>Disponibilidad del &amp;equipo</translation>
    </message>
    <message>
        <source>Show the room&apos;s availability over the week</source>
        <translation>Mostrar la disponibilidad de la sala sobre la semana</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilidad</translation>
    </message>
</context>
<context>
    <name>kairos::TimeGridView</name>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n más</numerusform>
            <numerusform>+%n más</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>kairos::TrayController</name>
    <message>
        <source>&amp;Open Kairos</source>
        <translation>&amp;Abrir Kairos</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n mensaje sin leer</numerusform>
            <numerusform>%n mensajes sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread messages</source>
        <translation>No hay mensajes sin leer</translation>
    </message>
    <message numerus="yes">
        <source>Kairos — %n unread</source>
        <translation>
            <numerusform>Kairos — %n sin leer</numerusform>
            <numerusform>Kairos — %n sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Kairos</source>
        <translation>Kairos</translation>
    </message>
    <message>
        <source>Nothing more today</source>
        <translation>Nada más hoy</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Ahora: %1</translation>
    </message>
    <message>
        <source>Next: %1 at %2</source>
        <translation>Siguiente: %1 a las %2</translation>
    </message>
    <message>
        <source>Kairos is still running</source>
        <translation>Kairos sigue abierto</translation>
    </message>
    <message>
        <source>Reminders and messages keep coming. Open Kairos from its icon here; Quit from its menu ends it.</source>
        <translation>Los recordatorios y los mensajes siguen llegando. Abre Kairos desde su icono aquí; Salir en su menú lo cierra.</translation>
    </message>
</context>
<context>
    <name>kairos::ui</name>
    <message>
        <source>%1 – %2</source>
        <extracomment>Separator between the two ends of a date range in the title bar.</extracomment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>(No title)</source>
        <translation>(Sin título)</translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation>Provisional</translation>
    </message>
</context>
</TS>
